import { GzWishBoard } from './gz-wish-board.js';

GzWishBoard.define('gz-wish-board');
