/**
 * Once the server listens, an error that no request handled (a promise a handler left behind, an
 * exception thrown from a timer) is logged and the process goes on: one faulty request must not
 * take the server down for every user, with the import it is running. Installed only after the
 * server is up, so a server that cannot start still says why and exits.
 */
export function keepServing(log: (...args: unknown[]) => void = console.error): () => void {
  const onRejection = (reason: unknown) => {
    log('callscore: a request left an error unhandled; the server goes on:', reason);
  };
  const onException = (error: Error) => {
    log('callscore: an uncaught exception; the server goes on:', error);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
