// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livechart.h"

#include <vector>

class QCPLayoutGrid;
class QCPItemStraightLine;
class QCPItemText;

namespace ProcViz {

class LaneEndMarkers;
class LaneGraph;

/// Progress (0–100 %) of every worker process, or of every thread of a threaded worker, over the run's time.
///
/// Each refresh appends only the points that are new since the last one. Lines are solid (QCustomPlot's
/// fast line drawing needs that) and told apart by colour and by the marker and short name at each line's
/// end: seven Okabe–Ito colours times ten marker shapes keep 64 lanes distinct without relying on hue alone.
class ProgressChart : public LiveChart
{
    Q_OBJECT
public:
    explicit ProgressChart(QWidget* parent = nullptr);
    ~ProgressChart() override;

    /// Same as restart(); kept for the callers that predate LiveChart.
    void clear() { restart(); }

    /// How many of the lane's points the chart holds: all the model holds (the model thins long series).
    int pointCount(int workerId, int lane) const;

protected:
    void clearRun() override;
    bool updateFromModel() override;
    void applySeriesStyle() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();

    /// One graph: one lane of one worker.
    struct Series
    {
        int workerId = -1;
        int phase = 0;
        int lane = 0;
        LaneGraph* graph = nullptr;
        qsizetype pointCount = 0; ///< how many of the lane's points the graph holds
        qint64 lastTimeNs = -1; ///< time of the last point taken, to notice a thinned series
    };

    /// A phase's name above the plot where it began, and a line marking that moment.
    struct PhaseMarker
    {
        qint64 startNs = 0;
        QCPItemText* header = nullptr;
        QCPItemStraightLine* separator = nullptr;
        int width = 0; ///< of the name with its padding, measured when styled: placing runs every tick
    };

    void addMissingSeries();
    void addMissingPhases();
    void appendNewPoints(Series& series);
    void placePhaseHeaders();
    QString seriesName(int workerId, int lane) const;
    QString shortName(int workerId, int lane) const;
    void updateLegendVisibility();
    void styleSeries(const Series& series, int position);
    void styleMarker(PhaseMarker& marker);

    QCPLayoutGrid* m_legendColumn = nullptr; ///< owned by the plot's layout, or by this chart while taken out
    LaneEndMarkers* m_endMarkers = nullptr;
    std::vector<Series> m_series;
    std::vector<PhaseMarker> m_phases;
};

} // namespace ProcViz
