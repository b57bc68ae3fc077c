import { GzRequestForm } from './gz-request-form.js';

GzRequestForm.define('gz-request-form');
