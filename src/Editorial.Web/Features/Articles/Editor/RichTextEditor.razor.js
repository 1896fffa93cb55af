// TinyMCE behind the RichTextEditor component. TinyMCE is self-hosted from wwwroot/lib/tinymce (copied from
// npm by the build) and loaded once per page with a script tag; each component instance owns one editor,
// keyed by the component's host element. Content goes to .NET debounced (and at once on blur and Ctrl+S),
// and to the browser's draft backup on every change, so typing is kept while the circuit is down.

import * as draftBackup from '../../../js/draft-backup.js';

const changeDelay = 400;
const backupDelay = 150;
const retryDelay = 2000;
const retryLimit = 150; // five minutes: Blazor's reconnect gives up sooner and reloads the page
const instances = new WeakMap();
let loading = null;

const texts = {
    vi: {
        blocks: 'Đoạn văn=p; Tiêu đề 2=h2; Tiêu đề 3=h3; Tiêu đề 4=h4',
        save: 'Lưu',
        uploadFailed: status => `Không tải được ảnh lên (mã ${status}).`,
        uploadOffline: 'Không tải được ảnh lên: mất kết nối tới máy chủ.',
    },
    en: {
        blocks: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4',
        save: 'Save',
        uploadFailed: status => `The image could not be uploaded (status ${status}).`,
        uploadOffline: 'The image could not be uploaded: no connection to the server.',
    },
};

// What the server's sanitiser keeps (Editorial.Core's StoryHtmlPolicy); anything else never enters the editor (Word's mso- markup, spans,
// style and class attributes, fonts). "-" drops the element when empty, "#" pads an empty block, "a/b"
// turns b into a (pasted h1 becomes h2, h5 and h6 become h4, instead of running into the next paragraph).
const validElements = [
    '#p', '#h2/h1', '#h3', '#h4/h5', '#h4/h6', '-strong/b', '-em/i', '-u', '-s/strike', '-sub', '-sup',
    '-ul', '-ol', '#li', '-a[href|title|target|rel]', 'br', 'hr', 'blockquote',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', '#th[colspan|rowspan|scope]', '#td[colspan|rowspan]',
    'figure[class]', 'figcaption', 'img[src|alt|width|height]',
].join(',');

function libraryUrl(path) {
    // Relative to <base href>, so the app also works under a path base.
    return new URL(path, document.baseURI).pathname;
}

function loadTinyMce() {
    if (window.tinymce) {
        return Promise.resolve(window.tinymce);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = libraryUrl('lib/tinymce/tinymce.min.js');
        script.referrerPolicy = 'origin';
        script.onload = () => resolve(window.tinymce);
        script.onerror = () => {
            loading = null;
            script.remove();
            reject(new Error(`TinyMCE could not be loaded from ${script.src}`));
        };
        document.head.appendChild(script);
    });
    return loading;
}

function uploadHandler(options, text) {
    return (blobInfo, progress) => new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', options.uploadUrl);
        request.withCredentials = true;
        if (options.antiforgeryToken) {
            request.setRequestHeader('RequestVerificationToken', options.antiforgeryToken);
        }
        request.upload.onprogress = event => {
            if (event.lengthComputable) {
                progress(event.loaded / event.total * 100);
            }
        };
        request.onerror = () => reject({ message: text.uploadOffline, remove: true });
        request.onload = () => {
            let json = null;
            try {
                json = JSON.parse(request.responseText);
            } catch {
                // Not JSON (a proxy's error page, an empty 400): say what status came back.
            }
            if (request.status >= 200 && request.status < 300 && json && typeof json.location === 'string') {
                resolve(json.location);
                return;
            }
            const message = json && (json.error ?? json.detail ?? json.title);
            reject({ message: typeof message === 'string' && message ? message : text.uploadFailed(request.status), remove: true });
        };
        const form = new FormData();
        form.append('file', blobInfo.blob(), blobInfo.filename());
        request.send(form);
    });
}

function createInstance(host, dotnet, options) {
    const instance = {
        editor: null,
        disposed: false,
        // True while TinyMCE starts and while .NET sets the content: neither is the person's change.
        applying: true,
        lastSent: options.value ?? '',
        changeTimer: 0,
        backupTimer: 0,
        failedSends: 0,
    };

    const send = () => {
        clearTimeout(instance.changeTimer);
        instance.changeTimer = 0;
        if (instance.disposed || !instance.editor) {
            return;
        }
        const html = instance.editor.getContent();
        if (html === instance.lastSent) {
            return;
        }
        dotnet.invokeMethodAsync('OnEditorChanged', html)
            .then(() => {
                instance.lastSent = html;
                instance.failedSends = 0;
            })
            .catch(() => {
                // The circuit is down: the draft backup has the text; try again for a while.
                instance.failedSends++;
                if (!instance.disposed && !instance.changeTimer && instance.failedSends < retryLimit) {
                    instance.changeTimer = setTimeout(send, retryDelay);
                }
            });
    };

    const backup = () => {
        clearTimeout(instance.backupTimer);
        instance.backupTimer = 0;
        if (options.backupKey && instance.editor && !instance.disposed) {
            draftBackup.writeBody(options.backupKey, instance.editor.getContent());
        }
    };

    instance.changed = () => {
        if (instance.applying) {
            return;
        }
        clearTimeout(instance.changeTimer);
        instance.failedSends = 0;
        instance.changeTimer = setTimeout(send, changeDelay);
        if (options.backupKey && !instance.backupTimer) {
            instance.backupTimer = setTimeout(backup, backupDelay);
        }
    };
    instance.flush = () => {
        if (instance.backupTimer) {
            backup();
        }
        send();
    };
    instance.save = () => {
        if (instance.backupTimer) {
            backup();
        }
        clearTimeout(instance.changeTimer);
        instance.changeTimer = 0;
        const html = instance.editor.getContent();
        dotnet.invokeMethodAsync('OnSaveShortcut', html)
            .then(() => { instance.lastSent = html; })
            .catch(() => { /* The circuit is down: the draft backup has the text. */ });
    };
    instance.onPageHide = () => {
        if (instance.backupTimer) {
            backup();
        }
    };
    return instance;
}

/** Creates the editor inside host; resolves when it is ready to type in. */
export async function init(host, dotnet, options) {
    const text = texts[options.language] ?? texts.en;
    const instance = createInstance(host, dotnet, options);
    instances.set(host, instance);
    const tinymce = await loadTinyMce();
    if (instance.disposed) {
        return;
    }

    const target = document.createElement('textarea');
    target.value = options.value ?? '';
    host.replaceChildren(target);

    const [editor] = await tinymce.init({
        target,
        license_key: 'gpl',
        base_url: libraryUrl('lib/tinymce'),
        suffix: '.min',
        ...(options.language === 'vi' ? { language: 'vi', language_url: libraryUrl('lib/tinymce-i18n/langs8/vi.js') } : {}),
        promotion: false,
        branding: false,
        menubar: false,
        // Each plugin here must be in EditorialTinyMcePlugins (Editorial.Web.csproj), which copies them.
        plugins: 'lists link table image autoresize autolink code searchreplace wordcount',
        toolbar: 'undo redo | blocks | bold italic underline | bullist numlist | link image table blockquote | removeformat code',
        toolbar_mode: 'wrap',
        toolbar_sticky: true,
        toolbar_sticky_offset: 64,
        block_formats: text.blocks,
        min_height: options.height,
        height: options.height,
        autoresize_bottom_margin: 24,
        readonly: options.readOnly === true,
        ...(options.label ? { iframe_aria_text: options.label } : {}),
        browser_spellcheck: true,

        // Underline and strike-through as <u> and <s>: the default <span style> would not survive the allow-list.
        formats: {
            underline: { inline: 'u', exact: true },
            strikethrough: { inline: 's', exact: true },
        },
        valid_elements: validElements,
        invalid_styles: 'font-family font-size color background background-color line-height margin padding',
        entity_encoding: 'raw',
        relative_urls: false,
        remove_script_host: true,
        link_default_protocol: 'https',
        link_assume_external_targets: 'https',
        table_default_attributes: {},
        table_default_styles: {},
        table_sizing_mode: 'responsive',
        table_resize_bars: false,
        object_resizing: 'img',

        // Word and web pages: keep the structure, drop their styles. Pasted images are uploaded like picked ones.
        paste_webkit_styles: 'none',
        paste_remove_styles_if_webkit: true,
        paste_data_images: true,
        image_caption: true,
        image_title: false,
        image_advtab: false,
        image_description: true,
        automatic_uploads: true,
        images_file_types: 'jpeg,jpg,png,webp,gif',
        images_upload_handler: uploadHandler(options, text),

        content_style:
            'body { font-family: "Noto Sans", Roboto, "Segoe UI", Arial, sans-serif; font-size: 16px; line-height: 1.6; ' +
            'max-width: 46rem; margin: 1rem auto; padding: 0 1rem; color: #1f2328; } ' +
            'figure.image { display: table; margin: 1rem auto; } figure.image img { max-width: 100%; height: auto; } ' +
            'figcaption { color: #555; font-style: italic; font-size: 0.9em; text-align: center; } ' +
            'table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #bbb; padding: 0.3rem 0.5rem; } ' +
            'blockquote { border-left: 3px solid #c62828; margin-left: 0; padding-left: 1rem; color: #333; }',

        setup: editor => {
            editor.addShortcut('meta+s', text.save, () => instance.save());
            editor.on('input change undo redo ExecCommand SetContent', instance.changed);
            editor.on('blur', instance.flush);
        },
    });

    if (!editor) {
        throw new Error('TinyMCE did not start.');
    }
    instance.editor = editor;
    if (instance.disposed) {
        // The component went away while TinyMCE was starting.
        tinymce.remove(editor);
        return;
    }
    instance.lastSent = editor.getContent();
    instance.applying = false;
    window.addEventListener('pagehide', instance.onPageHide);
}

function editorOf(host) {
    const instance = instances.get(host);
    return instance && !instance.disposed ? instance.editor : null;
}

export function getContent(host) {
    return editorOf(host)?.getContent() ?? null;
}

/** Replaces the content from .NET (a reload, a restored draft): not reported back as a change. */
export function setContent(host, html) {
    const instance = instances.get(host);
    const editor = editorOf(host);
    if (!editor) {
        return;
    }
    instance.applying = true;
    try {
        editor.setContent(html ?? '');
        editor.undoManager.clear();
        editor.undoManager.add();
        editor.setDirty(false);
    } finally {
        instance.applying = false;
    }
    instance.lastSent = editor.getContent();
}

/** Inserts HTML at the caret as if typed: it is reported as a change. */
export function insertHtml(host, html) {
    editorOf(host)?.insertContent(html ?? '');
}

export function focus(host) {
    editorOf(host)?.focus();
}

export function setReadOnly(host, readOnly) {
    editorOf(host)?.mode.set(readOnly ? 'readonly' : 'design');
}

export function dispose(host) {
    const instance = instances.get(host);
    if (!instance) {
        return;
    }
    instances.delete(host);
    // Keep what was typed in the last moment before leaving.
    instance.onPageHide();
    instance.disposed = true;
    clearTimeout(instance.changeTimer);
    clearTimeout(instance.backupTimer);
    window.removeEventListener('pagehide', instance.onPageHide);
    if (instance.editor && window.tinymce) {
        window.tinymce.remove(instance.editor);
    }
}
