/**
 * Saves a file the API answers (a CSV report, a statement's PDF). The API wants the access
 * token in a header, which a plain link cannot send, so the page fetches the file and hands the
 * browser a blob to save under the name the server gave (Content-Disposition) or `fallback`.
 */
export async function saveFile(answer: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallback: string): Promise<void> {
  const { data, response } = await answer;
  if (!response.ok || !(data instanceof Blob)) throw new Error(`download failed: ${response.status}`);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
