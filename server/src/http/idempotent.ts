import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestFingerprint } from '../store/idempotency.js';
import { refusal } from './errors.js';
import { scopeOf } from './request-scope.js';

/** What a mutation handler answers: a status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/**
 * Runs a mutation at most once per `Idempotency-Key`: the first request runs and its answer is kept; a
 * retry of the same request gets the same answer (header `Idempotent-Replayed: true`); the same key for a
 * different request is refused (422), and a retry while the first still runs gets 409. Answers to
 * malformed requests (400) are not kept, so a corrected request may reuse its key.
 */
export async function idempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<Answer>,
): Promise<FastifyReply> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.trim() === '' || key.length > 200) {
    return reply
      .code(400)
      .send(
        refusal('idempotency_key_required', 'Mutations need an "Idempotency-Key" header (at most 200 characters).', [
          'headers',
          'idempotency-key',
        ]),
      );
  }
  const { store } = scopeOf(request);
  const path = request.routeOptions.url ?? request.url;
  const claim = await store.idempotency.claim(
    key,
    request.method,
    request.url,
    requestFingerprint(request.method, request.url, request.body),
  );
  switch (claim.status) {
    case 'replay':
      return reply.code(claim.statusCode).header('idempotent-replayed', 'true').send(claim.response);
    case 'in_progress':
      return reply
        .code(409)
        .send(refusal('request_in_progress', `A request with this Idempotency-Key is still being handled (${path}).`));
    case 'mismatch':
      return reply
        .code(422)
        .send(
          refusal('idempotency_key_reused', 'This Idempotency-Key was used for a different request.', [
            'headers',
            'idempotency-key',
          ]),
        );
    case 'new':
      break;
  }
  let answer: Answer;
  try {
    answer = await run();
  } catch (error) {
    await store.idempotency.release(key);
    throw error;
  }
  if (answer.status === 400) await store.idempotency.release(key);
  else await store.idempotency.complete(key, answer.status, answer.body);
  return reply.code(answer.status).send(answer.body);
}
