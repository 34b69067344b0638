import { useId, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { ApiError, asProblem } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { Section } from '../../ui/DetailList.js';
import { newIdempotencyKey } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { linkStyle } from '../../ui/PlainForm.js';
import { may, useMe } from '../../workspace/me.js';
import { calls, CATEGORIES, SEND_CHANNELS, type Announcement, type AnnouncementDraft, type Answer, type Category, type SendChannel } from './api.js';
import { Attachments } from './Attachments.js';
import { AudienceFields, criteriaForm, criteriaOf, emptyCriteria, fieldStyle, labelStyle, type AudienceForm } from './AudienceFields.js';
import { categoryLabel, channelLabel } from './labels.js';
import { underTitle } from './rendered.js';
import { PreviewSummary, usePreview, type PreviewRequest } from './Preview.js';
import { SendControls, type Prepared } from './SendControls.js';

interface Draft {
  title: string;
  body: string;
  category: Category;
  channels: SendChannel[];
  audience: AudienceForm;
  documentIds: string[];
}

const draftOf = (a?: Announcement): Draft => ({
  title: a?.title ?? '',
  body: a?.body ?? '',
  category: a?.category ?? 'general',
  channels: a?.channels ?? ['email'],
  audience: {
    mode: a && !a.segmentId ? 'criteria' : a ? 'segment' : 'criteria',
    segmentId: a?.segmentId ?? '',
    criteria: a ? criteriaForm(a.criteria) : emptyCriteria,
    saveSegment: false,
    segmentName: '',
  },
  documentIds: a?.documentIds ?? [],
});

/** A refusal made here, before asking the server, shaped as the server's would be. */
const refusal = (detail: string): Answer => ({ error: { type: 'about:blank', title: detail, status: 422, detail, code: 'invalid', requestId: '' }, response: new Response(null, { status: 422 }) });
const problemText = (answer: Answer) => {
  const p = asProblem(answer.error, answer.response);
  return [p.detail, ...(p.errors ?? []).map((e) => `${e.field} ${e.message}`)].filter(Boolean).join(' — ');
};

/** The form of a new announcement or of a draft: what it says, to whom, by which channels, with which documents. */
function ComposeForm({ existing }: { existing?: Announcement }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [touched, setTouched] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [previewRequest, setPreviewRequest] = useState<PreviewRequest | null>(null);
  const preview = usePreview(previewRequest);
  // Once saved, the draft is changed rather than created again (a retried send must not make two).
  const savedId = useRef<string | null>(existing?.id ?? null);
  const createKey = useRef<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const timeZone = me.data?.tenant.timeZone ?? 'UTC';

  const audienceBody = (): { ok: true; segmentId: string | null; criteria?: AnnouncementDraft['criteria'] } | { ok: false; error: string } => {
    if (draft.audience.mode === 'segment') return draft.audience.segmentId ? { ok: true, segmentId: draft.audience.segmentId } : { ok: false, error: t('communications.segment.required') };
    const built = criteriaOf(draft.audience.criteria, locale);
    return built.ok ? { ok: true, segmentId: null, criteria: built.criteria } : { ok: false, error: t(built.error) };
  };
  const missing = !draft.title.trim() || !draft.body.trim();
  const audienceNow = audienceBody();
  const request: PreviewRequest = { ...(audienceNow.ok ? (audienceNow.segmentId ? { segmentId: audienceNow.segmentId } : { criteria: audienceNow.criteria }) : {}), category: draft.category, body: draft.body };

  /** Saves the segment asked for (once), then the draft: created the first time, changed after. */
  async function prepare(): Promise<Prepared> {
    setTouched(true);
    if (missing) return { ok: false, answer: refusal(t('communications.required')) };
    const audience = audienceBody();
    if (!audience.ok) return { ok: false, answer: refusal(audience.error) };
    let segmentId = audience.segmentId;
    if (draft.audience.mode === 'criteria' && draft.audience.saveSegment) {
      if (!draft.audience.segmentName.trim()) return { ok: false, answer: refusal(t('communications.segmentName.required')) };
      const made = await calls(api).createSegment({ name: draft.audience.segmentName.trim(), criteria: audience.criteria ?? {} }, { 'idempotency-key': newIdempotencyKey() });
      if (!made.data) return { ok: false, answer: made };
      segmentId = made.data.id;
      void queries.invalidateQueries({ queryKey: ['communications', 'segments'] });
      set({ audience: { ...draft.audience, mode: 'segment', segmentId, saveSegment: false } });
    }
    const body: AnnouncementDraft = {
      title: draft.title.trim(),
      body: draft.body,
      category: draft.category,
      channels: draft.channels,
      segmentId,
      ...(segmentId ? {} : { criteria: audience.criteria ?? {} }),
      documentIds: draft.documentIds,
    };
    const answer = savedId.current ? await calls(api).update(savedId.current, body) : await calls(api).create(body, { 'idempotency-key': (createKey.current ??= newIdempotencyKey()) });
    if (!answer.data) return { ok: false, answer };
    savedId.current = answer.data.id;
    queries.setQueryData(['communications', 'announcement', answer.data.id], answer.data);
    void queries.invalidateQueries({ queryKey: ['communications', 'announcements'] });
    return { ok: true, id: answer.data.id };
  }

  async function saveDraft(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setSaving(true);
    try {
      const prepared = await prepare();
      if (prepared.ok) void navigate({ to: '/announcements/$announcementId', params: { announcementId: prepared.id } });
      else setFormError(problemText(prepared.answer));
    } catch {
      setFormError(t('form.networkError'));
    } finally {
      setSaving(false);
    }
  }

  const runPreview = () => {
    setFormError(null);
    if (!audienceNow.ok) return setFormError(audienceNow.error);
    setPreviewRequest({ ...request });
  };
  const titleInvalid = touched && !draft.title.trim();
  const bodyInvalid = touched && !draft.body.trim();
  return (
    <form onSubmit={(e) => void saveDraft(e)} noValidate className="max-w-3xl space-y-6">
      {formError ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
      <div>
        <label htmlFor={`${id}-title`} className={labelStyle}>{t('communications.title')}</label>
        <input id={`${id}-title`} required aria-invalid={titleInvalid || undefined} aria-describedby={titleInvalid ? `${id}-title-error` : undefined} maxLength={200} className={fieldStyle} value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        {titleInvalid ? <p id={`${id}-title-error`} className="mt-1 text-sm text-red-700">{t('communications.title.required')}</p> : null}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className={labelStyle}>{t('communications.body')}</label>
        <textarea id={`${id}-body`} required rows={10} maxLength={20000} aria-invalid={bodyInvalid || undefined} aria-describedby={`${id}-body-help${bodyInvalid ? ` ${id}-body-error` : ''}`} className={`${fieldStyle} font-mono`} value={draft.body} onChange={(e) => set({ body: e.target.value })} />
        <p id={`${id}-body-help`} className="mt-1 text-xs text-slate-500">{t('communications.body.help')}</p>
        {bodyInvalid ? <p id={`${id}-body-error`} className="mt-1 text-sm text-red-700">{t('communications.body.required')}</p> : null}
      </div>
      <div className="flex flex-wrap gap-8">
        <div>
          <label htmlFor={`${id}-category`} className={labelStyle}>{t('communications.category')}</label>
          <select id={`${id}-category`} className={fieldStyle} value={draft.category} onChange={(e) => set({ category: e.target.value as Category })} aria-describedby={`${id}-category-help`}>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(categoryLabel(c))}</option>)}
          </select>
          <p id={`${id}-category-help`} className="mt-1 max-w-xs text-xs text-slate-500">{t('communications.category.help')}</p>
        </div>
        <fieldset className="space-y-1">
          <legend className={labelStyle}>{t('communications.channels')}</legend>
          <div className="flex gap-5">
            {SEND_CHANNELS.map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={draft.channels.includes(c)} onChange={(e) => set({ channels: e.target.checked ? [...draft.channels, c] : draft.channels.filter((x) => x !== c) })} className="size-4 accent-brand" />
                {t(channelLabel(c))}
              </label>
            ))}
          </div>
          <p className="max-w-xs text-xs text-slate-500">{t('communications.channels.portal')}</p>
        </fieldset>
      </div>
      <AudienceFields value={draft.audience} onChange={(audience) => set({ audience })} />
      {may(me.data, 'documents', 'documents.read') ? <Attachments value={draft.documentIds} onChange={(documentIds) => set({ documentIds })} /> : null}
      <Section title={t('communications.preview.title')} actions={<Button variant="secondary" onPress={runPreview}>{t('communications.preview.run')}</Button>}>
        <div aria-live="polite">
          {preview.isFetching ? <p className="text-sm text-slate-600">{t('list.loading')}</p> : null}
          {preview.error ? <p role="alert" className="text-sm text-red-700">{preview.error instanceof ApiError ? preview.error.problem.detail : t('list.failed')}</p> : null}
          {preview.data && !preview.isFetching ? <PreviewSummary preview={preview.data} channels={draft.channels} /> : null}
          {!previewRequest ? <p className="text-sm text-slate-600">{t('communications.preview.help')}</p> : null}
        </div>
      </Section>
      {existing?.html ? (
        <Section title={t('communications.asSaved')}>
          <div className="rendered-markdown rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="saved-html" dangerouslySetInnerHTML={{ __html: underTitle(existing.html) }} />
        </Section>
      ) : null}
      <div className="flex flex-wrap items-end gap-6 border-t border-slate-200 pt-4">
        <Button type="submit" variant="secondary" isDisabled={saving}>{t('communications.saveDraft')}</Button>
        <SendControls
          prepare={prepare}
          request={request}
          channels={draft.channels}
          timeZone={timeZone}
          isDisabled={missing || !audienceNow.ok}
          onSent={(a) => {
            void queries.invalidateQueries({ queryKey: ['communications'] });
            void navigate({ to: '/announcements/$announcementId', params: { announcementId: a.id } });
          }}
        />
      </div>
    </form>
  );
}

export function NewAnnouncement() {
  const t = useT();
  return (
    <Page title={t('communications.new')} actions={<Link to="/announcements" className="self-center text-sm">{t('nav.announcements')}</Link>}>
      <ComposeForm />
    </Page>
  );
}

export function EditAnnouncement() {
  const t = useT();
  const api = useApi();
  const { announcementId } = useParams({ strict: false }) as { announcementId: string };
  const announcement = useQuery({ queryKey: ['communications', 'announcement', announcementId], queryFn: () => calls(api).get(announcementId) });
  const a = announcement.data;
  return (
    <Page title={a ? t('communications.edit', { title: a.title }) : t('list.loading')}>
      {announcement.error ? <p role="alert" className="text-sm text-red-700">{announcement.error instanceof ApiError ? announcement.error.problem.detail : t('list.failed')}</p> : null}
      {a && a.status === 'draft' ? <ComposeForm key={a.id} existing={a} /> : null}
      {a && a.status !== 'draft' ? <p className="text-sm text-slate-600">{t('communications.notDraft')}</p> : null}
      {a ? <Link to="/announcements/$announcementId" params={{ announcementId: a.id }} className={linkStyle}>{t('communications.back.one')}</Link> : null}
    </Page>
  );
}
