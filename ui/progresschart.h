// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <vector>

class QCPGraph;
class QCPLayoutGrid;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;

namespace ProcViz {

class FollowState;
class RunModel;

/// Progress (0–100 %) of every worker process, or of every thread of a threaded worker, over the run's time.
///
/// Pulls from a RunModel instead of listening to the engine: a timer looks at RunModel::revision() about
/// 30 times a second and, only when it moved, appends the points that are new since the last look and
/// queues one replot. However fast the workers report, the window redraws at most at that rate.
class ProgressChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 33;

    explicit ProgressChart(QWidget* parent = nullptr);
    ~ProgressChart() override;

    /// The model must outlive the chart or be replaced first; nullptr detaches.
    void setModel(const RunModel* model);
    /// Shared follow state; when set, a user zoom or drag on the time axis stops following.
    void setFollowState(FollowState* follow);
    /// Drops every graph; call it when a new run begins: it also wakes the refresh, which sleeps between runs.
    void clear();
    /// Takes in what changed in the model now instead of at the next tick.
    void refresh();

    QCustomPlot* plot() const { return m_plot; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();

    /// One graph: one lane of one worker.
    struct Series
    {
        int workerId = -1;
        int phase = 0;
        int lane = 0;
        QCPGraph* graph = nullptr;
        qsizetype pointCount = 0; ///< how many of the lane's points the graph holds
        qint64 lastTimeNs = -1; ///< time of the last point taken, to notice a thinned series
    };

    /// A phase's name above the plot where it began, and a line marking that moment.
    struct PhaseMarker
    {
        qint64 startNs = 0;
        QCPItemText* header = nullptr;
        QCPItemStraightLine* separator = nullptr;
    };

    void onTick();
    void addMissingSeries();
    void addMissingPhases();
    void appendNewPoints(Series& series);
    void followLiveEnd();
    void placePhaseHeaders();
    QString seriesName(int workerId, int lane) const;
    void applyStyle();
    void updateLegendVisibility();
    void applySeriesStyle(const Series& series, int position);
    void applyMarkerStyle(const PhaseMarker& marker);

    const RunModel* m_model = nullptr;
    FollowState* m_follow = nullptr;
    bool m_settingRange = false;
    QCustomPlot* m_plot = nullptr;
    QCPLayoutGrid* m_legendColumn = nullptr; ///< owned by the plot's layout, or by this chart while taken out
    QTimer m_refreshTimer;
    std::vector<Series> m_series;
    std::vector<PhaseMarker> m_phases;
    quint64 m_seenRevision = 0;
    qint64 m_seenStartNs = -1; ///< the run the graphs belong to: a new run restarts the revision count
};

} // namespace ProcViz
