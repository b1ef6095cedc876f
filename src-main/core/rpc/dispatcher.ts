import { handlerArgs, type HandlerName, type Handlers } from '../../../shared/contract/handlers';
import { AppError, toAppErrorData, type AppErrorData } from '../../../shared/errors';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: AppErrorData };

/**
 * Validates untrusted arguments with the contract's zod schema, calls the implementation and turns
 * any failure into a serialisable AppError. Used by the web host and the Electron worker alike.
 */
export function createDispatcher(handlers: Partial<Handlers>) {
  return async function dispatch(name: string, rawArgs: unknown): Promise<DispatchResult> {
    try {
      if (!Object.hasOwn(handlerArgs, name))
        throw new AppError('rpc.unknown-method', `Unknown method "${name}".`, { name });
      const impl = handlers[name as HandlerName] as ((args: unknown) => Promise<unknown>) | undefined;
      if (!impl)
        throw new AppError('rpc.not-available', `Method "${name}" is not available in this host.`, { name });
      const parsed = handlerArgs[name as HandlerName].safeParse(rawArgs ?? {});
      if (!parsed.success) {
        throw new AppError(
          'rpc.bad-arguments',
          `Invalid arguments for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
          { name },
        );
      }
      const result = await impl(parsed.data);
      return { ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
    } catch (e) {
      return { ok: false, error: toAppErrorData(e) };
    }
  };
}
