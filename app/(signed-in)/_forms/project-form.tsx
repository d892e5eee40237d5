'use client';
/**
 * Create / edit a project. The server validates everything (public-suffix-aware domains, URLs)
 * and answers with field messages, which appear beside the fields they concern.
 */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, useTRPC, type FieldErrors } from '@/app/_lib/trpc';
import {
  MATURITIES,
  MATURITY_LABELS,
  PRODUCT_TYPE_LABELS,
  PRODUCT_TYPES,
  SEGMENT_LABELS,
  SEGMENTS,
  type EndpointKind,
  type HttpMethod,
  type Maturity,
  type ProductType,
  type Segment,
} from '@/lib/vocabulary/projects';
import { EndpointRows, EnvironmentRows, type EndpointRow, type EnvironmentRow } from './project-form-rows';

export type ProjectFormValues = {
  name: string;
  productType: ProductType;
  segment: Segment;
  maturity: Maturity;
  primaryDomain: string;
  canonicalHost: 'apex' | 'www';
  subdomains: string[];
  mailDomain: string | null;
  dkimSelectors: string[];
  productionUrl: string | null;
  endpoints: {
    kind: EndpointKind;
    method: HttpMethod;
    url: string;
    label?: string;
    p95TargetMs?: number;
    signingSecret?: string;
    headers?: { name: string; value: string }[];
    body?: string | null;
    safeToReplay?: boolean;
  }[];
  environments: { name: string; url?: string }[];
};

export const EMPTY_PROJECT: ProjectFormValues = {
  name: '',
  productType: 'saas-dashboard',
  segment: 'coach-consultant',
  maturity: 'idea-prototype',
  primaryDomain: '',
  canonicalHost: 'apex',
  subdomains: ['app', 'api'],
  mailDomain: null,
  dkimSelectors: [],
  productionUrl: null,
  endpoints: [
    { kind: 'signup', method: 'POST', url: '' },
    { kind: 'login', method: 'POST', url: '' },
  ],
  environments: [{ name: 'production' }, { name: 'preview' }],
};

type Target = { kind: 'create'; workspaceId: string } | { kind: 'edit'; projectId: string };

const splitList = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Errors on list entries arrive as `subdomains.2`; show them on the list's field. */
function listError(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

let rowIds = 0;
const withIds = <T,>(rows: T[]) => rows.map((row) => ({ ...row, rowId: ++rowIds }));

export type PlaybookOption = { id: string; name: string };

export function ProjectForm({ target, initial, playbooks = [], secretNames }: { target: Target; initial: ProjectFormValues; playbooks?: PlaybookOption[]; secretNames?: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [endpoints, setEndpoints] = useState<EndpointRow[]>(() => withIds(initial.endpoints));
  const [environments, setEnvironments] = useState<EnvironmentRow[]>(() => withIds(initial.environments.map((e) => ({ name: e.name, url: e.url ?? '' }))));
  const create = useMutation(trpc.project.create.mutationOptions());
  const update = useMutation(trpc.project.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const fields = {
      name: text('name'),
      productType: text('productType') as ProductType,
      segment: text('segment') as Segment,
      maturity: text('maturity') as Maturity,
      primaryDomain: text('primaryDomain'),
      canonicalHost: text('canonicalHost') as 'apex' | 'www',
      subdomains: splitList(text('subdomains')),
      mailDomain: text('mailDomain') || null,
      dkimSelectors: splitList(text('dkimSelectors')),
      productionUrl: text('productionUrl') || null,
      // Rows left completely empty are dropped rather than reported.
      endpoints: endpoints
        .filter((e) => e.url.trim())
        .map(({ rowId: _rowId, headers, ...e }) => ({ ...e, headers: (headers ?? []).filter((h) => h.name.trim() || h.value.trim()) })),
      environments: environments.filter((e) => e.name.trim() || e.url.trim()).map((e) => ({ name: e.name, url: e.url || undefined })),
    };
    setFormError(null);
    try {
      if (target.kind === 'create') {
        const templateId = text('templateId') || undefined;
        const project = await create.mutateAsync({ workspaceId: target.workspaceId, templateId, ...fields });
        router.push(`/p/${project.id}`);
      } else {
        await update.mutateAsync({ projectId: target.projectId, ...fields });
        toast.success('Project saved');
      }
      setErrors({});
      router.refresh();
    } catch (error) {
      const found = fieldErrorsOf(error);
      setErrors(found);
      setFormError(Object.keys(found).length > 0 ? 'Some fields need attention: see the messages below.' : messageOf(error));
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-6" noValidate aria-label={target.kind === 'create' ? 'New project' : 'Edit project'}>
      {formError ? (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>The product</CardTitle>
          <CardDescription>These choose the roadmap playbook and the targets your product is held to.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field label="Project name" error={errors.name} className="sm:col-span-2">
            <Input name="name" defaultValue={initial.name} required maxLength={80} />
          </Field>
          <Field label="Product type" error={errors.productType}>
            <Select name="productType" defaultValue={initial.productType}>
              {PRODUCT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {PRODUCT_TYPE_LABELS[value]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Market segment" error={errors.segment}>
            <Select name="segment" defaultValue={initial.segment}>
              {SEGMENTS.map((value) => (
                <option key={value} value={value}>
                  {SEGMENT_LABELS[value]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Where the product is" error={errors.maturity} className="sm:col-span-2">
            <Select name="maturity" defaultValue={initial.maturity}>
              {MATURITIES.map((value) => (
                <option key={value} value={value}>
                  {MATURITY_LABELS[value]}
                </option>
              ))}
            </Select>
          </Field>
          {target.kind === 'create' && playbooks.length > 0 ? (
            <Field label="Roadmap playbook" hint="The seven-stage roadmap is built from this playbook. You can switch until work starts." error={errors.templateId} className="sm:col-span-2">
              <Select name="templateId" defaultValue="">
                <option value="">Choose for me from the details above (recommended)</option>
                {playbooks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Domains and mail</CardTitle>
          <CardDescription>What the automated checks look at: DNS, redirects, certificates and email authentication.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field label="Primary domain" hint="The registered domain, e.g. example.com or example.co.uk." error={errors.primaryDomain}>
            <Input name="primaryDomain" defaultValue={initial.primaryDomain} required placeholder="example.com" autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field label="Canonical host" hint="Where every other address should redirect." error={errors.canonicalHost}>
            <Select name="canonicalHost" defaultValue={initial.canonicalHost}>
              <option value="apex">Apex (example.com)</option>
              <option value="www">www (www.example.com)</option>
            </Select>
          </Field>
          <Field label="Subdomains" optional hint="Separated by commas, e.g. app, api, admin." error={listError(errors, 'subdomains')} className="sm:col-span-2">
            <Input name="subdomains" defaultValue={initial.subdomains.join(', ')} autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field label="Mail-sending domain" optional hint="The domain your emails come from." error={errors.mailDomain}>
            <Input name="mailDomain" defaultValue={initial.mailDomain ?? ''} placeholder="mail.example.com" autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field label="DKIM selectors" optional hint="From your email provider, e.g. google, resend, s1." error={listError(errors, 'dkimSelectors')}>
            <Input name="dkimSelectors" defaultValue={initial.dkimSelectors.join(', ')} autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field label="Production URL" optional error={errors.productionUrl} className="sm:col-span-2">
            <Input name="productionUrl" type="url" defaultValue={initial.productionUrl ?? ''} placeholder="https://example.com" />
          </Field>
        </CardContent>
      </Card>

      <EndpointRows rows={endpoints} onChange={setEndpoints} errors={errors} newRowId={() => ++rowIds} secretNames={secretNames} />
      <EnvironmentRows rows={environments} onChange={setEnvironments} errors={errors} newRowId={() => ++rowIds} />

      <div className="flex gap-2">
        <Button type="submit" loading={pending} loadingText="Saving…">
          {target.kind === 'create' ? 'Create project' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
