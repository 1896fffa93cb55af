// Posts the chosen file to the media endpoint (authenticated, antiforgery-protected) and returns
// { id, location } or { error } with the server's Vietnamese message.
export async function upload(input, url, token) {
    const file = input.files && input.files[0];
    if (!file) {
        return { error: null };
    }

    const body = new FormData();
    body.append('file', file);
    try {
        const response = await fetch(url, {
            method: 'POST',
            body,
            headers: token ? { 'RequestVerificationToken': token } : {},
            credentials: 'same-origin',
        });
        const json = await response.json().catch(() => ({}));
        input.value = '';
        if (!response.ok) {
            return { error: json.error || `HTTP ${response.status}` };
        }
        return { id: json.id, location: json.location, error: null };
    } catch (e) {
        input.value = '';
        return { error: String(e) };
    }
}
