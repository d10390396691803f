/** A helper thread of ingestParallel: ingests the sources it claims and posts each result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from './entities/index.ts';
import { claimAll, type WorkerInput, type WorkerMessage, type WorkerTask } from './parallel.ts';
import { ingestSource } from './pipeline.ts';

const { entitiesDir } = workerData as WorkerInput;
const gazetteer = loadGazetteer(entitiesDir);
parentPort!.once('message', ({ sources, order, next }: WorkerTask) => {
  claimAll(new Int32Array(next), order, (index) => {
    const message: WorkerMessage = { index, result: ingestSource(sources[index]!, gazetteer) };
    parentPort!.postMessage(message);
  });
});
