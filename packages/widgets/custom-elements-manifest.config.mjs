/** @custom-elements-manifest/analyzer: package.json names the manifest itself, so a run into another folder leaves it alone. */
export default {
  packagejson: false,
};
