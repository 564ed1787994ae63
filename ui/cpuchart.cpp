// SPDX-License-Identifier: GPL-3.0-or-later
#include "cpuchart.h"

#include "model/runmodel.h"
#include "statepalette.h"

#include <qcustomplot.h>

namespace ProcViz {

CpuChart::CpuChart(QWidget* parent)
    : LiveChart(parent)
{
    plot()->yAxis->setRange(-4, 110);
    // The legend is never shown; 64 hidden entries would still be measured at every replot's layout.
    plot()->setAutoAddPlottableToLegend(false);
    // With many processes on few cores each line jumps between 0 and 100 % sample after sample: antialiased
    // 3-pixel strokes of 64 such lines took 25 ms a replot (100 ms at p99) on two cores, 7 ms without
    // (tests/benchmarks/README.md). At 15 Hz the plain staircase reads the same.
    plot()->setNotAntialiasedElements(QCP::aePlottables);
    retranslate();
}

void CpuChart::retranslate()
{
    LiveChart::retranslate();
    setValueAxisLabel(tr("CPU (% of a core)"), tr("CPU (%)"));
}

void CpuChart::clearRun()
{
    plot()->clearGraphs();
    m_series.clear();
    m_highest = 100;
    plot()->yAxis->setRange(-4, 110);
}

bool CpuChart::updateFromModel()
{
    const auto& workers = model()->workers();
    const bool added = qsizetype(m_series.size()) < workers.size();
    for (auto i = qsizetype(m_series.size()); i < workers.size(); ++i) {
        Series series;
        series.workerId = int(i);
        series.graph = plot()->addGraph();
        series.graph->setName(tr("%1 · PID %2").arg(workerName(workers[i])).arg(workers[i].pid));
        m_series.push_back(series);
    }
    if (added)
        applySeriesStyle();
    for (auto& series : m_series) {
        const auto& samples = workers.at(series.workerId).samples;
        // The model thins a long series by dropping every other point: then start over.
        if (samples.size() < series.sampleCount
            || (series.sampleCount > 0 && samples.at(series.sampleCount - 1).timeNs != series.lastTimeNs)) {
            series.graph->data()->clear();
            series.sampleCount = 0;
        }
        auto data = series.graph->data();
        for (qsizetype i = std::max<qsizetype>(1, series.sampleCount); i < samples.size(); ++i) {
            const double dt = double(samples[i].timeNs - samples[i - 1].timeNs) / 1e9;
            if (dt <= 0)
                continue;
            const double percent = std::max(0.0, (samples[i].cpuSeconds - samples[i - 1].cpuSeconds) / dt * 100);
            m_highest = std::max(m_highest, percent);
            data->add(QCPGraphData(double(samples[i].timeNs) / 1e9, percent));
        }
        series.sampleCount = samples.size();
        series.lastTimeNs = samples.isEmpty() ? -1 : samples.last().timeNs;
    }
    // A little below 0 so an idle (sleeping) process's line is not hidden under the axis.
    plot()->yAxis->setRange(-4, m_highest * 1.1);
    return true;
}

void CpuChart::applySeriesStyle()
{
    const QColor base = palette().color(QPalette::Base);
    for (size_t i = 0; i < m_series.size(); ++i)
        m_series[i].graph->setPen(QPen(StatePalette::seriesColor(int(i), base), scaled(3)));
}

} // namespace ProcViz
