// Page-level keyboard and lifecycle hooks of the story editor. Everything here works while the
// connection to the server is down; the server is only called when it is there.
let dotNet = null;
let dirty = false;

function onKeyDown(event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault(); // not the browser's "save page as"
        dotNet?.invokeMethodAsync('SaveFromShortcutAsync').catch(() => { });
    }
}

function onBeforeUnload(event) {
    if (dirty) {
        // The browser backup keeps the text either way; this asks before the tab closes.
        event.preventDefault();
        event.returnValue = '';
    }
}

function onVisibilityChange() {
    if (document.visibilityState === 'hidden' && dirty) {
        dotNet?.invokeMethodAsync('SaveOnHideAsync').catch(() => { });
    }
}

export function attach(reference) {
    dotNet = reference;
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
}

export function setDirty(value) {
    dirty = value;
}

export function detach() {
    document.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    dotNet = null;
}
