package com.voxanne.ops.bench;

/** Where benchmarks report: each figure as it is measured, and the progress lines between. */
interface BenchLog {

    void add(Outcome outcome);

    void say(String format, Object... args);
}
