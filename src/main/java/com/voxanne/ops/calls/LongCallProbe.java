package com.voxanne.ops.calls;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The bench's long-call probe (issue 15), run in a JVM of its own with a display: a call of N
 * turns (2,000 is a two-hour call, about 330 KB of transcript) is shown in the transcript view of
 * the call detail, and the probe prints how long until its first turn is on screen, how long a
 * find takes (off the JavaFX thread, on the text), how long the view takes to show the hit, and
 * the process's resident set; the hit is the median of five finds over the call. The bench runs it for a short call too, as the baseline.
 */
public final class LongCallProbe {

    private LongCallProbe() {
    }

    /** A call of {@code turns} turns, about 165 characters each, with one "refund" near its end. */
    static String transcript(int turns) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < turns; i++) {
            text.append(i % 2 == 0 ? "AGENT: " : "CALLER: ").append("Turn ").append(i)
                    .append(i == turns * 7 / 8 ? " where the caller finally asks for a refund of the deposit they paid in March."
                            : " of a long and patient conversation about the claim, the dates, the documents and who said what.")
                    .append(" Thank you, that is clear. Let me check that for you.\n");
        }
        return text.toString();
    }

    public static void main(String[] args) {
        try {
            measure(Integer.parseInt(args[0]));
        } catch (Exception | AssertionError e) {
            // The JavaFX thread would keep a failed probe alive: say why and end.
            System.out.println("LONGCALL failed: " + e);
            System.exit(1);
        }
        Platform.exit();
    }

    private static void measure(int turns) throws Exception {
        String text = transcript(turns);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var matches = new SimpleObjectProperty<List<Transcript.Match>>(List.of());
        var current = new SimpleIntegerProperty(-1);
        TranscriptView[] view = new TranscriptView[1];
        CountDownLatch shown = new CountDownLatch(1);
        long[] firstTurn = new long[1];
        // The window is up before the call is chosen, as the console's is: what is timed is the call alone.
        CountDownLatch windowUp = new CountDownLatch(1);
        Platform.runLater(() -> {
            view[0] = new TranscriptView(matches, current);
            Stage stage = new Stage();
            Scene scene = new Scene(view[0], 900, 700);
            scene.addPostLayoutPulseListener(() -> {
                windowUp.countDown();
                if (firstTurn[0] == 0 && !view[0].lookupAll(".turn").isEmpty()) {
                    firstTurn[0] = System.nanoTime();
                    shown.countDown();
                }
            });
            stage.setScene(scene);
            stage.show();
        });
        windowUp.await(60, TimeUnit.SECONDS);
        Thread.sleep(500);
        // As the detail pane does: the text is parsed in the background, the view is given the turns.
        long t0 = System.nanoTime();
        Transcript transcript = Transcript.parse(text);
        Platform.runLater(() -> view[0].show(transcript));
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No turn was shown in 60 s.");
        }
        double firstMs = (firstTurn[0] - t0) / 1e6;
        long f0 = System.nanoTime();
        List<Transcript.Match> found = transcript.find("refund");
        double findMs = (System.nanoTime() - f0) / 1e6;
        // A reader searches more than once: "refund", then turns spread over the call; the median of the hits shown.
        List<String> words = java.util.stream.Stream.of(turns / 4, turns / 2, turns * 3 / 4, turns - 1)
                .filter(t -> t != turns * 7 / 8).map(t -> "Turn " + t + " of").collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        words.add(0, "refund");
        double[] hits = new double[words.size()];
        for (int w = 0; w < words.size(); w++) {
            List<Transcript.Match> these = transcript.find(words.get(w));
            int turn = these.get(0).turn();
            CountDownLatch onHit = new CountDownLatch(1);
            long h0 = System.nanoTime();
            Platform.runLater(() -> {
                Runnable[] check = new Runnable[1];
                check[0] = () -> {
                    boolean there = view[0].lookupAll(".match-current").stream().anyMatch(n -> n.isVisible() && n.getScene() != null);
                    if (there && onHit.getCount() > 0) {
                        onHit.countDown();
                        view[0].getScene().removePostLayoutPulseListener(check[0]);
                    }
                };
                view[0].getScene().addPostLayoutPulseListener(check[0]);
                matches.set(these);
                current.set(0);
                view[0].requestLayout();
            });
            if (!onHit.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The hit in turn " + turn + " was not shown in 60 s.");
            }
            hits[w] = (System.nanoTime() - h0) / 1e6;
        }
        java.util.Arrays.sort(hits);
        double hitMs = hits[hits.length / 2];
        System.gc();
        long heapKb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        System.out.printf("LONGCALL turns %d chars %d first_ms %.1f find_ms %.2f hit_ms %.1f matches %d heap_kb %d%n", turns, text.length(),
                firstMs, findMs, hitMs, found.size(), heapKb);
    }
}
