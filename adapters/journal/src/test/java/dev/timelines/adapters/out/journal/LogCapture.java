package dev.timelines.adapters.out.journal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the journal logs while a test runs, keeping the expected warnings off the console. */
final class LogCapture implements AutoCloseable {

    // System.Logger falls back to java.util.logging here; a strong reference keeps the logger's settings alive.
    private static final Logger JOURNAL = Logger.getLogger(RecordLog.class.getPackageName());

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        JOURNAL.addHandler(handler);
        JOURNAL.setUseParentHandlers(false);
    }

    /** The messages logged at {@code level}. */
    List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        JOURNAL.removeHandler(handler);
        JOURNAL.setUseParentHandlers(true);
    }
}
