// Page-level keyboard and lifecycle hooks of the story editor. Everything here works while the
// connection to the server is down; the server is only called when it is there.
let dotNet = null;
let dirty = false;

// Text fields hand their value to the server a moment after typing stops; a Ctrl+S pressed sooner
// must not save the older text. Leaving and re-entering the field commits what it holds now.
function commitFocusedField() {
    const field = document.activeElement;
    if (field && (field.tagName === 'INPUT' || field.tagName === 'TEXTAREA')) {
        field.dispatchEvent(new Event('change', { bubbles: true }));
        field.blur();
        field.focus();
    }
}

function onKeyDown(event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault(); // not the browser's "save page as"
        commitFocusedField();
        // Queued behind the field's events on the same connection, so the save sees the committed text.
        setTimeout(() => dotNet?.invokeMethodAsync('SaveFromShortcutAsync').catch(() => { }), 0);
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
