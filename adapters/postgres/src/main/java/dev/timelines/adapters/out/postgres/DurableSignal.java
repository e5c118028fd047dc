package dev.timelines.adapters.out.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;

/**
 * Tells this instance's listeners when the durable seq rose, whichever instance wrote: a thread of its own holds one
 * connection that LISTENs to the notification every write sends in its transaction (delivered once it committed),
 * reads the watermark when notified, and calls the listeners when it rose. It also reads it after each poll period
 * without a notification, which covers a notification that arrives a moment before the writer's announcement is
 * released; a lost connection is replaced every second until one is had, and the watermark read then covers the
 * writes made meanwhile. It also prunes the history from time to time.
 */
final class DurableSignal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DurableSignal.class.getName());

    static final String CHANNEL = "timelines_history";
    /** How long to wait before replacing a lost connection. */
    private static final int RECONNECT_MILLIS = 1_000;

    private final DataSource source;
    /** How long one wait for notifications lasts: the longest a rise of the watermark goes unsignalled. */
    private final int pollMillis;
    private final long pruneEveryNanos;
    private final LongSupplier durable;
    private final LongConsumer prune;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    /** The listening connection below the pool's wrapper, for {@link #close} to cut a wait short. */
    private volatile Connection listening;
    private long signalled = -1;
    private long pruned = System.nanoTime();

    DurableSignal(DataSource source, Duration poll, Duration pruneEvery, LongSupplier durable, LongConsumer prune) {
        this.source = source;
        this.pollMillis = Math.toIntExact(poll.toMillis());
        this.pruneEveryNanos = pruneEvery.toNanos();
        this.durable = durable;
        this.prune = prune;
        this.thread = new Thread(this::run, "timelines-postgres-history");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Runnable add(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Ends the wait for notifications at once (by aborting its connection) and waits for the thread to end. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                // closing anyway: the thread ends at its next wake
            }
        }
        thread.join();
    }

    private void run() {
        while (!closed) {
            try (Connection connection = source.getConnection()) {
                try {
                    listen(connection);
                    check();
                    BaseConnection notifications = connection.unwrap(BaseConnection.class);
                    listening = notifications;
                    while (!closed) {
                        notifications.getNotifications(pollMillis);
                        check();
                    }
                } catch (SQLException e) {
                    showToPool(connection);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "listening for writes to PostgreSQL failed; trying again in "
                        + RECONNECT_MILLIS + " ms: " + e.getMessage());
                pause();
            }
        }
    }

    /**
     * The notifications are read past the pool's wrapper, which therefore did not see the connection fail: a
     * statement through the wrapper fails as well on a connection the server closed, and the pool's exception sorter
     * then discards it instead of lending it again.
     */
    private static void showToPool(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException broken) {
            // what the pool needed to see
        }
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
    }

    /** Reads the watermark; calls the listeners when it rose, and prunes when it is time. */
    private void check() {
        long now = durable.getAsLong();
        if (now > signalled) {
            signalled = now;
            listeners.forEach(DurableSignal::call);
        }
        if (System.nanoTime() - pruned > pruneEveryNanos) {
            prune.accept(now);
            pruned = System.nanoTime();
        }
    }

    /** A listener's failure is its own: the others are still called, and this thread goes on. */
    private static void call(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a listener of the PostgreSQL history failed", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
