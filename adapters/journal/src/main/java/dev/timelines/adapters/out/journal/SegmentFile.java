package dev.timelines.adapters.out.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** One open segment file: read anywhere, append at the end, overwrite in place, force, truncate. */
interface SegmentFile extends Closeable {

    /** The current size in bytes, including written but unsynced bytes. */
    long size() throws IOException;

    /** Fills {@code target} from the bytes at {@code position}, failing if the file ends first. */
    void readFully(ByteBuffer target, long position) throws IOException;

    /** Writes all remaining bytes of the buffers, in order, at the end of the file. */
    void append(ByteBuffer... buffers) throws IOException;

    /** Writes the remaining bytes of {@code bytes} at {@code position}, over what is there; appends stay at the end. */
    void writeAt(ByteBuffer bytes, long position) throws IOException;

    /** Returns once every byte written so far, and the file's size, is on stable storage. */
    void force() throws IOException;

    /** Cuts the file to {@code size} bytes; appends continue there. */
    void truncate(long size) throws IOException;
}
