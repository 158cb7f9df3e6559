package fltkit.steps;

import fltkit.rules.BrokenImplementation;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls into the implementation on a worker thread of its own, under a time limit: a call that does
 * not return in time is abandoned with its thread (which may never come back), and the scenario that made
 * it ends broken while the run goes on. One runner per scenario thread; a runner whose thread was abandoned
 * is replaced by a fresh one.
 */
final class CallRunner {
    private static final ThreadLocal<CallRunner> PER_THREAD = ThreadLocal.withInitial(CallRunner::new);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fltkit calls into the implementation");
        thread.setDaemon(true);
        return thread;
    });

    private CallRunner() {
    }

    /** The runner of the calling thread. */
    static CallRunner current() {
        return PER_THREAD.get();
    }

    /**
     * The call's answer, or what it threw (unwrapped). A call still running at the time limit throws
     * {@link BrokenImplementation} naming the call and the limit; the worker thread is given up.
     */
    <T> T call(String what, Duration limit, Callable<T> call) throws Throwable {
        Future<T> answer = worker.submit(call);
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            answer.cancel(true);
            worker.shutdownNow();
            PER_THREAD.remove();
            throw new BrokenImplementation("the implementation did not return from " + what + " within " + limit.toMillis()
                    + " ms (setting fltkit.call-timeout-ms); the call was abandoned with its thread, and the scenario's "
                    + "filter manager with it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokenImplementation("the kit was interrupted while waiting for " + what);
        }
    }
}
