export const id = 114;
export const ids = [114];
export const modules = {

/***/ 114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDeployment: () => (/* binding */ createDeployment)
/* harmony export */ });
/* unused harmony export formatBytes */
/* harmony import */ var _revision_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5930);

/** Uploads the revision when it is a folder, then CreateDeployment. `say` gets one line per step. */
async function createDeployment(request, clients, say) {
    const { settings, source } = request;
    let prepared;
    if (source.kind === 's3') {
        prepared = await (0,_revision_js__WEBPACK_IMPORTED_MODULE_0__/* .uploadRevision */ .FM)(source, clients.s3, {
            application: settings.application,
            ...(request.commit !== undefined ? { commit: request.commit } : {}),
            ...(request.tmpDir !== undefined ? { tmpDir: request.tmpDir } : {}),
        });
        say(`Uploaded the bundle (${prepared.files ?? 0} files, ${formatBytes(prepared.bytes ?? 0)}) to ${prepared.location}`);
    }
    else {
        prepared = (0,_revision_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubRevision */ .pR)(source);
    }
    const id = await clients.codedeploy.createDeployment((0,_revision_js__WEBPACK_IMPORTED_MODULE_0__/* .createDeploymentInput */ .SB)(settings, prepared.revision));
    say(`Created deployment ${id} of ${prepared.location} to ${settings.application}/${settings.deploymentGroup}`);
    return { id, prepared };
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}


/***/ })

};
