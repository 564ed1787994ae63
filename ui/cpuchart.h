// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

#include <vector>

class QCPGraph;

namespace ProcViz {

/// CPU use of every worker process in percent of one core, from the engine's /proc samples (the change
/// in user + system time between two samples over the time between them). A process whose threads share
/// the emulated GIL stays near 100 %; separate processes each reach 100 % at once.
class CpuChart : public LiveChart
{
    Q_OBJECT
public:
    explicit CpuChart(QWidget* parent = nullptr);

    int graphCount() const { return int(m_series.size()); }

protected:
    void retranslate() override;
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;

private:
    struct Series
    {
        int workerId = -1;
        QCPGraph* graph = nullptr;
        qsizetype sampleCount = 0;
        qint64 lastTimeNs = -1;
    };

    std::vector<Series> m_series;
    double m_highest = 100;
};

} // namespace ProcViz
