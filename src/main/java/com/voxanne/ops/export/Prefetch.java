package com.voxanne.ops.export;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads ahead on a thread of its own while the caller works on what was read: an export waits on
 * the database about as long as it spends turning rows into JSON and compressing them, so doing
 * both at once takes about half the time. At most {@code depth} items wait, so memory stays bounded.
 * The source alone touches its connection while it runs; a failure there reaches the caller's next
 * {@link #next()}.
 */
final class Prefetch<T> implements Iterator<T>, AutoCloseable {

    /** Produces the items in order; {@code sink} blocks while the caller is behind. */
    interface Source<T> {
        void produce(Sink<T> sink) throws Exception;
    }

    interface Sink<T> {
        void put(T item) throws InterruptedException;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile Throwable failure;
    private Object next;

    private Prefetch(String name, int depth, Source<T> source) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.thread = new Thread(() -> {
            try {
                source.produce(queue::put);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                failure = t;
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        this.thread.setDaemon(true);
    }

    static <T> Prefetch<T> start(String name, int depth, Source<T> source) {
        Prefetch<T> p = new Prefetch<>(name, depth, source);
        p.thread.start();
        return p;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("Interrupted");
            }
        }
        if (next == END) {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return false;
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = (T) next;
        next = null;
        return item;
    }

    /** Stops reading ahead (the caller gave up: cancelled, or failed) and waits until the source has let go of its connection. */
    @Override
    public void close() {
        thread.interrupt();
        queue.clear();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
