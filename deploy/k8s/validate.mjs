// Offline validation of the rendered manifests (deploy/k8s/validate runs it): every object against its schema, the
// references between objects, and what a Scan for Help deployment must have. Usage:
//   node validate.mjs <overlay name> <rendered.yaml> <secrets.example.yaml> <rules-out.yaml>
// Schemas: the Kubernetes API (npm kubernetes-models), cert-manager, the Prometheus operator and CloudNativePG
// (@kubernetes-models); the Keycloak operator from its CRDs when SFH_CRD_DIR holds them (no registry this project may
// use serves them), and in any case the reference checks below.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import Ajv from 'ajv';

const [overlay, renderedFile, secretsFile, rulesOut] = process.argv.slice(2);
const docs = YAML.parseAllDocuments(readFileSync(renderedFile, 'utf8')).map(d => d.toJS()).filter(Boolean);
const secretDocs = YAML.parseAllDocuments(readFileSync(secretsFile, 'utf8')).map(d => d.toJS()).filter(Boolean);
const errors = [];
const fail = (obj, msg) => errors.push(`${obj ? `${obj.kind}/${obj.metadata?.name}: ` : ''}${msg}`);
const counts = { schema: 0, crd: 0, unchecked: new Set() };

// ---- 1. schemas ----
const crdSchemas = new Map();   // "group/version/Kind" -> ajv validate
if (process.env.SFH_CRD_DIR && existsSync(process.env.SFH_CRD_DIR)) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const f of readdirSync(process.env.SFH_CRD_DIR).filter(f => /\.ya?ml$/.test(f))) {
    for (const d of YAML.parseAllDocuments(readFileSync(join(process.env.SFH_CRD_DIR, f), 'utf8')).map(x => x.toJS())) {
      if (d?.kind !== 'CustomResourceDefinition') continue;
      for (const v of d.spec.versions) {
        const schema = v.schema?.openAPIV3Schema;
        if (schema) crdSchemas.set(`${d.spec.group}/${v.name}/${d.spec.names.kind}`, ajv.compile(stripK8sExtensions(schema)));
      }
    }
  }
}
function stripK8sExtensions(s) {
  if (Array.isArray(s)) return s.map(stripK8sExtensions);
  if (s && typeof s === 'object') {
    const o = {};
    for (const [k, v] of Object.entries(s)) {
      if (k.startsWith('x-kubernetes-')) continue;
      o[k] = stripK8sExtensions(v);
    }
    if (s['x-kubernetes-int-or-string']) { delete o.type; o.anyOf = [{ type: 'integer' }, { type: 'string' }]; }
    if (s['x-kubernetes-preserve-unknown-fields'] && !o.type) o.type = 'object';
    return o;
  }
  return s;
}
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const paths = [];
  if (group === 'cert-manager.io') paths.push(`@kubernetes-models/cert-manager/${group}/${version}/${kind}`);
  else if (group === 'monitoring.coreos.com') paths.push(`@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`);
  else if (group === 'postgresql.cnpg.io') paths.push(`@kubernetes-models/cloudnative-pg/${group}/${version}/${kind}`);
  else if (!group) paths.push(`kubernetes-models/${version}/${kind}`);
  else paths.push(`kubernetes-models/${group}/${version}/${kind}`);
  for (const p of paths) {
    try { return (await import(p))[kind]; } catch { /* not a known model */ }
  }
  return null;
}
async function validateSchema(obj, where) {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const crd = crdSchemas.get(`${group}/${version}/${obj.kind}`);
  if (crd) {
    counts.crd++;
    if (!crd(obj)) fail(obj, `${where}CRD schema: ${crd.errors.map(e => `${e.instancePath} ${e.message}`).join('; ')}`);
    return;
  }
  const Model = await modelFor(obj.apiVersion, obj.kind);
  if (!Model) { counts.unchecked.add(`${obj.apiVersion} ${obj.kind}`); return; }
  counts.schema++;
  try { new Model(obj).validate(); } catch (e) { fail(obj, `${where}schema: ${e.message}`); }
}
for (const d of docs) await validateSchema(d, '');
const renderedSchemaChecked = counts.schema;
for (const d of secretDocs) await validateSchema(d, 'secrets.example.yaml ');

// ---- 2. references and what every deployment must have ----
const byKind = k => docs.filter(d => d.kind === k);
const find = (k, n) => docs.find(d => d.kind === k && d.metadata.name === n);
const settings = byKind('ConfigMap').find(c => c.metadata.name.startsWith('sfh-settings'));
const configMaps = new Map(byKind('ConfigMap').map(c => [c.metadata.name, c.data || {}]));
const exampleSecrets = new Map(secretDocs.filter(d => d.kind === 'Secret').map(s => [s.metadata.name, Object.keys({ ...s.stringData, ...s.data })]));
const operatorSecrets = new Map();
for (const c of byKind('Certificate')) operatorSecrets.set(c.spec.secretName, ['tls.crt', 'tls.key', 'ca.crt']);
for (const c of byKind('Cluster')) {
  operatorSecrets.set(`${c.metadata.name}-app`, ['username', 'password', 'uri', 'jdbc-uri', 'host', 'port', 'dbname']);
  operatorSecrets.set(`${c.metadata.name}-ca`, ['ca.crt']);
}
// the values in capitals base/ holds until the overlay's replacements put settings.env's in (and the base issuer)
const placeholders = ['PUBLIC_HOST', 'CONSOLE_HOST', 'SSO_HOST', 'PUBLIC_TLS_ISSUER', 'INGRESS_NAMESPACE', 'MONITORING_NAMESPACE',
  'CNPG_NAMESPACE', 'SMSC_CIDR', 'BACKUP_BUCKET', 'BACKUP_ENDPOINT', 'sfh-internal-issuer'];
if (!settings) fail(null, 'no ConfigMap sfh-settings');

// no placeholder left, no localhost anywhere
for (const d of docs) (function walk(o, path) {
  if (typeof o === 'string') {
    if (placeholders.some(p => o === p || o.includes(`//${p}`)) && d.kind !== 'ConfigMap') fail(d, `placeholder left at ${path}: ${o}`);
    if (/localhost|127\.0\.0\.1/.test(o) && d.kind !== 'KeycloakRealmImport') fail(d, `localhost at ${path}`);
  } else if (Array.isArray(o)) o.forEach((v, i) => walk(v, `${path}[${i}]`));
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
})(d, '');

const secretHas = (name, key) => (exampleSecrets.get(name) || operatorSecrets.get(name) || []).includes(key);
const secretKnown = name => exampleSecrets.has(name) || operatorSecrets.has(name);
const pods = byKind('Deployment').map(d => ({ d, labels: d.spec.template.metadata.labels, spec: d.spec.template.spec }));
for (const { d, labels, spec } of pods) {
  const name = d.metadata.name;
  for (const [k, v] of Object.entries(d.spec.selector.matchLabels)) if (labels[k] !== v) fail(d, `selector ${k} does not match the pod`);
  const sc = spec.securityContext || {};
  if (sc.runAsNonRoot !== true) fail(d, 'runAsNonRoot');
  if (sc.seccompProfile?.type !== 'RuntimeDefault') fail(d, 'seccomp RuntimeDefault');
  if (spec.automountServiceAccountToken !== false) fail(d, 'the service account token is mounted');
  for (const c of spec.containers) {
    const csc = c.securityContext || {};
    if (csc.readOnlyRootFilesystem !== true) fail(d, `${c.name}: readOnlyRootFilesystem`);
    if (csc.allowPrivilegeEscalation !== false) fail(d, `${c.name}: allowPrivilegeEscalation`);
    if (!(csc.capabilities?.drop || []).includes('ALL')) fail(d, `${c.name}: capabilities drop ALL`);
    const tmp = (c.volumeMounts || []).find(m => m.mountPath === '/tmp');
    if (!tmp || !spec.volumes.find(v => v.name === tmp.name && v.emptyDir)) fail(d, `${c.name}: no emptyDir at /tmp`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(d, `${c.name}: resources`);
    const ports = new Map((c.ports || []).map(p => [p.name, p.containerPort]));
    if (ports.get('management') !== 9000 || ports.get('https') !== 8443 || ports.get('http') !== 8080) fail(d, `${c.name}: ports http 8080, https 8443, management 9000`);
    for (const [probe, path] of [['startupProbe', '/q/health/started'], ['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready']]) {
      const p = c[probe]?.httpGet;
      if (!p || p.path !== path || p.port !== 'management') fail(d, `${c.name}: ${probe} must be ${path} on the management port`);
    }
    for (const e of c.env || []) {
      const cm = e.valueFrom?.configMapKeyRef, sk = e.valueFrom?.secretKeyRef;
      if (cm) {
        const data = configMaps.get(cm.name);
        if (!data) fail(d, `${e.name}: no ConfigMap ${cm.name}`);
        else if (!(cm.key in data)) fail(d, `${e.name}: ConfigMap ${cm.name} has no ${cm.key}`);
        else if (data[cm.key] === '' && e.name !== 'SFH_CORS_ORIGINS') fail(d, `${e.name}: ${cm.key} is empty in settings.env`);
      }
      if (sk) {
        if (!secretKnown(sk.name)) fail(d, `${e.name}: secret ${sk.name} is neither in secrets.example.yaml nor made by an operator`);
        else if (!secretHas(sk.name, sk.key)) fail(d, `${e.name}: secret ${sk.name} has no key ${sk.key}`);
        if (sk.optional) fail(d, `${e.name}: a required secret must not be optional`);
      }
    }
    for (const f of c.envFrom || []) {
      if (f.configMapRef && !configMaps.has(f.configMapRef.name)) fail(d, `envFrom: no ConfigMap ${f.configMapRef.name}`);
      if (f.secretRef && !secretKnown(f.secretRef.name)) fail(d, `envFrom: unknown secret ${f.secretRef.name}`);
    }
  }
  for (const v of spec.volumes || []) if (v.secret && !secretKnown(v.secret.secretName)) fail(d, `volume ${v.name}: unknown secret ${v.secret.secretName}`);
  if (!find('PodDisruptionBudget', name)) fail(d, 'no PodDisruptionBudget');
  const hpa = find('HorizontalPodAutoscaler', name);
  if (!hpa || hpa.spec.scaleTargetRef.name !== name) fail(d, 'no HorizontalPodAutoscaler');
  else if (hpa.spec.minReplicas > hpa.spec.maxReplicas) fail(hpa, 'minReplicas > maxReplicas');
}
// Services select pods and name their ports; ingress backends exist; certificates cover the URLs the services use
const servicePorts = new Map();
for (const s of byKind('Service')) {
  const pod = pods.find(p => Object.entries(s.spec.selector).every(([k, v]) => p.labels[k] === v));
  if (!pod) { fail(s, 'selects no pod'); continue; }
  const cports = new Set(pod.spec.containers.flatMap(c => (c.ports || []).map(p => p.name)));
  for (const p of s.spec.ports) if (!cports.has(p.targetPort)) fail(s, `targetPort ${p.targetPort} is no container port`);
  if (s.spec.ports.some(p => p.targetPort === 'management')) fail(s, 'the management port must not be in a Service');
  servicePorts.set(s.metadata.name, s.spec.ports);
}
const keycloak = byKind('Keycloak')[0];
if (keycloak) servicePorts.set(`${keycloak.metadata.name}-service`, [{ name: 'https', port: 8443 }]);
for (const ing of byKind('Ingress')) {
  for (const r of ing.spec.rules) for (const p of r.http.paths) {
    const b = p.backend.service, ports = servicePorts.get(b.name);
    if (!ports) fail(ing, `backend ${b.name} is no Service`);
    else if (!ports.some(x => (b.port.name && x.name === b.port.name) || (b.port.number && x.port === b.port.number))) fail(ing, `backend ${b.name} has no port ${JSON.stringify(b.port)}`);
    if (/^\/(internal|q|admin)(\/|$)/.test(p.path) || (p.path === '/' && p.pathType === 'Prefix' && b.name === 'intake-service')) fail(ing, `path ${p.path} must never be public`);
    if (b.name === 'intake-service' && b.port.name !== 'http') fail(ing, 'intake only on its public port');
  }
}
const urls = pods.flatMap(p => p.spec.containers.flatMap(c => (c.env || []).filter(e => /^QUARKUS_REST_CLIENT_.*_URL$/.test(e.name)).map(e => [p.d, e])));
for (const [d, e] of urls) {
  const m = /^https:\/\/([a-z-]+):8443$/.exec(e.value || '');
  if (!m) { fail(d, `${e.name} must be https://<service>:8443`); continue; }
  if (!servicePorts.get(m[1])?.some(p => p.port === 8443)) fail(d, `${e.name}: ${m[1]} has no port 8443`);
  const cert = byKind('Certificate').find(c => c.spec.dnsNames.includes(m[1]));
  if (!cert) fail(d, `${e.name}: no Certificate names ${m[1]}`);
  const tls = e.name.replace(/_URL$/, '_TLS_CONFIGURATION_NAME');
  if (!p_env(d).some(x => x.name === tls && x.value === 'internal')) fail(d, `${tls} must be internal`);
}
function p_env(d) { return d.spec.template.spec.containers.flatMap(c => c.env || []); }
// NetworkPolicies select something; a default deny exists
const podLabelSets = [...pods.map(p => p.labels),
  ...byKind('Cluster').map(c => ({ 'cnpg.io/cluster': c.metadata.name })),
  ...(keycloak ? [{ 'app.kubernetes.io/instance': keycloak.metadata.name, 'app.kubernetes.io/managed-by': 'keycloak-operator' }] : []),
  ...(byKind('KeycloakRealmImport').length ? [{ app: 'keycloak-realm-import' }] : [])];   // the operator's import job
const selects = sel => podLabelSets.some(l => Object.entries(sel.matchLabels || {}).every(([k, v]) => l[k] === v)
  && (sel.matchExpressions || []).every(x => x.operator === 'In' && x.values.includes(l[x.key])));
for (const np of byKind('NetworkPolicy')) {
  if (!selects(np.spec.podSelector)) fail(np, 'selects no pod');
  for (const r of [...(np.spec.ingress || []).flatMap(r => r.from || []), ...(np.spec.egress || []).flatMap(r => r.to || [])])
    if (r.podSelector && !r.namespaceSelector && !selects(r.podSelector)) fail(np, `peer ${JSON.stringify(r.podSelector)} selects no pod`);
}
if (!byKind('NetworkPolicy').some(n => Object.keys(n.spec.podSelector).length === 0 && n.spec.policyTypes.includes('Ingress') && !n.spec.ingress))
  fail(null, 'no default-deny NetworkPolicy');
// databases: every cluster is backed up on a schedule and archives WAL
for (const c of byKind('Cluster')) {
  const b = c.spec.backup?.barmanObjectStore;
  if (!b?.destinationPath?.startsWith('s3://') || !b.s3Credentials) fail(c, 'no WAL archive to object storage');
  else if (!secretHas(b.s3Credentials.accessKeyId.name, b.s3Credentials.accessKeyId.key)) fail(c, 'backup credentials not in secrets.example.yaml');
  if (!byKind('ScheduledBackup').some(s => s.spec.cluster.name === c.metadata.name)) fail(c, 'no ScheduledBackup');
  for (const r of c.spec.managed?.roles || []) if (!exampleSecrets.has(r.passwordSecret.name)) fail(c, `role ${r.name}: secret ${r.passwordSecret.name} not in secrets.example.yaml`);
}
for (const s of byKind('ScheduledBackup')) {
  if (!find('Cluster', s.spec.cluster.name)) fail(s, `no Cluster ${s.spec.cluster.name}`);
  if (s.spec.schedule.trim().split(/\s+/).length !== 6) fail(s, 'schedule: six fields (seconds first)');
}
// Keycloak and its realm agree with the services and the public addresses
const realmImport = byKind('KeycloakRealmImport')[0];
if (!keycloak || !realmImport) fail(null, 'no Keycloak or no KeycloakRealmImport');
else if (settings) {
  const s = settings.data;
  if (realmImport.spec.keycloakCRName !== keycloak.metadata.name) fail(realmImport, 'keycloakCRName names no Keycloak');
  const realm = realmImport.spec.realm;
  if (s.OIDC_ISSUER !== `${s.OIDC_PUBLIC_ORIGIN}/realms/${realm.realm}`) fail(settings, `OIDC_ISSUER must be ${s.OIDC_PUBLIC_ORIGIN}/realms/${realm.realm}`);
  if (s.OIDC_PUBLIC_ORIGIN !== `https://${s.SSO_HOST}`) fail(settings, 'OIDC_PUBLIC_ORIGIN must be https://SSO_HOST');
  if (s.PUBLIC_BASE_URL !== `https://${s.PUBLIC_HOST}`) fail(settings, 'PUBLIC_BASE_URL must be https://PUBLIC_HOST');
  if (!s.OIDC_AUTH_SERVER_URL.startsWith(`https://${keycloak.metadata.name}-service:8443/realms/${realm.realm}`)) fail(settings, 'OIDC_AUTH_SERVER_URL must be Keycloak\'s Service');
  const console_ = (realm.clients || []).find(c => c.clientId === 'staff-console');
  if (!console_?.redirectUris?.includes(`https://${s.CONSOLE_HOST}/signed-in`)) fail(realmImport, `the console's redirect URI is not https://${s.CONSOLE_HOST}/signed-in: run deploy/k8s/generate-realm ${overlay}`);
  if (keycloak.spec.db.host !== `${keycloak.spec.db.host.replace(/-rw$/, '')}-rw` || !find('Cluster', keycloak.spec.db.host.replace(/-rw$/, ''))) fail(keycloak, 'db.host is no CloudNativePG cluster');
  if (!find('Certificate', keycloak.spec.http.tlsSecret) && !byKind('Certificate').some(c => c.spec.secretName === keycloak.spec.http.tlsSecret)) fail(keycloak, 'no Certificate for http.tlsSecret');
}
// alert rules: written out for promtool
const rules = byKind('PrometheusRule');
if (!rules.length) fail(null, 'no PrometheusRule');
writeFileSync(rulesOut, YAML.stringify({ groups: rules.flatMap(r => r.spec.groups) }));

const unchecked = [...counts.unchecked];
console.log(`validate ${overlay}: ${docs.length} objects; ${renderedSchemaChecked} of them (and ${counts.schema - renderedSchemaChecked} of secrets.example.yaml) against the Kubernetes, cert-manager, Prometheus operator and CloudNativePG schemas, ${counts.crd} against CRDs from SFH_CRD_DIR`);
if (unchecked.length) console.log(`validate ${overlay}: NO SCHEMA for ${unchecked.join(', ')} (put the operators' CRDs in SFH_CRD_DIR); their references are checked`);
if (errors.length) {
  for (const e of errors) console.error(`validate ${overlay}: ${e}`);
  console.error(`validate ${overlay}: ${errors.length} problems`);
  process.exit(1);
}
console.log(`validate ${overlay}: references, security context, probes, secrets, network policies, backups, realm: ok`);
