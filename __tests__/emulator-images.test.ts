// Which images a deployment can pull. The emulator sees only the registries the cluster has a docker
// or ecr connection for: there an image pulls only if a packaging pushed it. Images from anywhere
// else pull (a workflow deploying an image built elsewhere dry-runs green), except those named by
// `missingImages` (`--missing-image PATTERN`), which never pull.

import { Api, b64, call, fetchToken, sleep } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { globPattern, modelOfImage } from '../src/emulator/image-pulls.js';
import type { ModelDeployment, ModelInfoDocument } from '../src/shared/odahu/types.js';

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator({ missingImages: ['quay.io/gone/*', 'exact/name:1'] });
  api = new Api(emulator, await fetchToken(emulator));
  await api.post('connection', {
    id: 'own-ecr',
    spec: {
      type: 'ecr',
      uri: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/models',
      keyID: b64('AKIA0000'),
      keySecret: b64('secret'),
    },
  });
});

afterAll(() => emulator.close());

const deploy = (id: string, image: string) =>
  api.post('model/deployment', {
    id,
    spec: { image, predictor: 'odahu-ml-server', annotations: { 'emulator-seconds': '0.2' } },
  });

/** Several rollouts' worth of time: a deployment that is not Ready by then never will be. */
const SETTLE_MS = 700;

async function stateAfterSettling(id: string): Promise<string | undefined> {
  await emulator.advance(SETTLE_MS);
  return (await api.get<ModelDeployment>(`model/deployment/${id}`)).json.status?.state;
}

describe('images on registries the cluster has a connection for', () => {
  it.each([
    ['docker-ci (docker)', 'registry.odahu.local/odahu/wine-1.0:never-pushed'],
    ['odahuflow-docker-repository (docker)', 'docker.io/odahu/wine:1'],
    ['an ecr connection', '123456789012.dkr.ecr.eu-central-1.amazonaws.com/models/wine:1'],
  ])('pull only if a packaging pushed them: %s', async (_registry, image) => {
    const id = `owned-${Buffer.from(image).toString('hex').slice(-8)}`;
    await deploy(id, image);
    expect(await stateAfterSettling(id)).toBe('Processing');
  });
});

describe('images from elsewhere', () => {
  it('pull, and serve a model named by the image (repository name, tag as version)', async () => {
    await deploy('elsewhere', 'ghcr.io/acme/wine-model:1.2');
    const ready = await api.waitFor<ModelDeployment>(
      'model/deployment/elsewhere',
      (d) => d.status?.state === 'Ready',
    );
    expect(ready.status).toMatchObject({ modelName: 'wine-model', modelVersion: '1.2' });
    // Past the edge's warm-up, the model server reports the same model.
    let info = await call<ModelInfoDocument>(
      `${emulator.edgeUrl}/model/elsewhere/api/model/info`,
      'GET',
      api.token,
    );
    for (let tries = 0; info.status === 503 && tries < 100; tries += 1) {
      await sleep(10);
      info = await call<ModelInfoDocument>(
        `${emulator.edgeUrl}/model/elsewhere/api/model/info`,
        'GET',
        api.token,
      );
    }
    expect(info.status).toBe(200);
    expect(info.json.info).toMatchObject({ title: 'wine-model', version: '1.2' });
  });

  it('do not pull when a missing-image pattern matches them', async () => {
    await deploy('missing-glob', 'quay.io/gone/wine:3');
    await deploy('missing-exact', 'exact/name:1');
    await deploy('not-missing', 'exact/name:2');
    expect(await stateAfterSettling('missing-glob')).toBe('Processing');
    expect((await api.get<ModelDeployment>('model/deployment/missing-exact')).json.status?.state).toBe(
      'Processing',
    );
    expect((await api.get<ModelDeployment>('model/deployment/not-missing')).json.status?.state).toBe('Ready');
    const edge = await call(`${emulator.edgeUrl}/model/missing-glob/api/model/info`, 'GET', api.token);
    expect(edge.status).toBe(404);
  });
});

describe('the pieces', () => {
  it('a pattern: * is any run of characters, everything else literal, the whole reference', () => {
    expect(globPattern('quay.io/gone/*').test('quay.io/gone/a/b:1')).toBe(true);
    expect(globPattern('quay.io/gone/*').test('quay-io/gone/a')).toBe(false);
    expect(globPattern('*:latest').test('wine:latest')).toBe(true);
    expect(globPattern('wine:1').test('wine:10')).toBe(false);
    expect(globPattern('a+b(c)').test('a+b(c)')).toBe(true);
  });

  it('the model an outside image holds', () => {
    expect(modelOfImage('ghcr.io/acme/wine:1.2')).toEqual({ name: 'wine', version: '1.2' });
    expect(modelOfImage('localhost:5000/wine')).toEqual({ name: 'wine', version: 'latest' });
    expect(modelOfImage('wine@sha256:abc')).toEqual({ name: 'wine', version: 'latest' });
  });
});
