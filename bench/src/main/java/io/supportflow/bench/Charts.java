package io.supportflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The run as a picture: tickets per second above, end-to-end latency per second below, one time axis. */
final class Charts {

    private Charts() {
    }

    static void writeTimeline(Timeline timeline, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection rates = new XYSeriesCollection();
        int seconds = timeline.activeSeconds();
        rates.addSeries(series("accepted by intake (HTTP 202) / s", timeline.acceptedPerSecond(), seconds));
        rates.addSeries(series("TICKET_LOGGED on tickets.notifications / s", timeline.loggedPerSecond(), seconds));
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("end-to-end p50 (ms), by second received", timeline.endToEndPercentile(50), seconds));
        latency.addSeries(series("end-to-end p99 (ms), by second received", timeline.endToEndPercentile(99), seconds));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the first request"));
        plot.add(new XYPlot(rates, null, new NumberAxis("tickets per second"), lines()), 1);
        plot.add(new XYPlot(latency, null, new NumberAxis("receivedAt → TICKET_LOGGED, ms"), lines()), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 700);
    }

    private static XYLineAndShapeRenderer lines() {
        return new XYLineAndShapeRenderer(true, false);
    }

    private static XYSeries series(String name, long[] values, int seconds) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < Math.min(seconds, values.length); i++) {
            series.add(i, values[i]);
        }
        return series;
    }

    private static XYSeries series(String name, double[] values, int seconds) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < Math.min(seconds, values.length); i++) {
            if (!Double.isNaN(values[i])) {
                series.add(i, values[i]);
            }
        }
        return series;
    }
}
