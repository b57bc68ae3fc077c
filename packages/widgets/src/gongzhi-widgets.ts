/** The single-file bundle: `<script type="module" src="gongzhi-widgets.js">` registers every `gz-*` tag. */
import './station-map/define.js';
import './wish-board/define.js';
import './voting-panel/define.js';
import './request-form/define.js';
import './request-tracker/define.js';

export * from './index.js';
