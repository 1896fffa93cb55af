// Keeps what a person types in the browser (localStorage), so that it survives a dropped connection to
// the server or a reload: everything here runs in the browser and needs no circuit. One record per key:
//   editorial-draft:{key} = { fields: { name: value }, body: "<p>…</p>" | null, savedAt: ISO 8601 }
// Fields are elements inside a watched container that carry data-backup-field="name" (or sit inside one);
// the body is written by the rich-text editor (see Features/Articles/Editor/RichTextEditor.razor.js).

const prefix = 'editorial-draft:';
const watched = new WeakMap();

export function get(key) {
    try {
        const raw = localStorage.getItem(prefix + key);
        const record = raw ? JSON.parse(raw) : null;
        return record && typeof record === 'object' ? record : null;
    } catch {
        return null;
    }
}

/** The record for .NET: only string field values, body and savedAt, whatever else the storage holds. */
export function read(key) {
    const record = get(key);
    if (!record) {
        return null;
    }
    const fields = {};
    for (const [name, value] of Object.entries(record.fields && typeof record.fields === 'object' ? record.fields : {})) {
        if (typeof value === 'string') {
            fields[name] = value;
        }
    }
    return {
        fields,
        body: typeof record.body === 'string' ? record.body : null,
        savedAt: typeof record.savedAt === 'string' ? record.savedAt : null,
    };
}

export function clear(key) {
    try {
        localStorage.removeItem(prefix + key);
    } catch {
        // Storage switched off: there is nothing to clear.
    }
}

function update(key, change) {
    const record = get(key) ?? {};
    record.fields = record.fields && typeof record.fields === 'object' ? record.fields : {};
    record.body = typeof record.body === 'string' ? record.body : null;
    change(record);
    record.savedAt = new Date().toISOString();
    try {
        localStorage.setItem(prefix + key, JSON.stringify(record));
    } catch {
        // Quota reached or storage switched off: the server's copy is all there is.
    }
}

export function writeField(key, name, value) {
    update(key, record => { record.fields[name] = value; });
}

export function writeBody(key, html) {
    update(key, record => { record.body = html; });
}

function valueOf(element) {
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        return element.checked ? (element.type === 'radio' ? element.value : 'true') : (element.type === 'radio' ? null : 'false');
    }
    if ('value' in element && typeof element.value === 'string') {
        return element.value;
    }
    return null;
}

/** Starts keeping the data-backup-field elements inside container under key. */
export function start(container, key) {
    stop(container);
    const onInput = event => {
        const target = event.target;
        if (!(target instanceof Element) || !container.contains(target)) {
            return;
        }
        // MudBlazor puts the attribute on the input itself or on a wrapper around it.
        const field = target.closest('[data-backup-field]');
        if (!field || !container.contains(field)) {
            return;
        }
        const value = valueOf(target);
        if (value !== null) {
            writeField(key, field.getAttribute('data-backup-field'), value);
        }
    };
    container.addEventListener('input', onInput, true);
    container.addEventListener('change', onInput, true);
    watched.set(container, onInput);
}

export function stop(container) {
    const onInput = container && watched.get(container);
    if (onInput) {
        container.removeEventListener('input', onInput, true);
        container.removeEventListener('change', onInput, true);
        watched.delete(container);
    }
}
