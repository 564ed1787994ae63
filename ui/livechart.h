// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QCustomPlot;

namespace ProcViz {

class FollowState;
class RunModel;

/// A chart fed from a RunModel by pulling: about 30 times a second it looks at RunModel::revision() and,
/// only when it moved, calls update() and queues one replot. Subclasses draw; this class owns the plot,
/// the projector-sized style (recomputed on palette and font changes) and the following time axis.
class LiveChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 33;

    explicit LiveChart(QWidget* parent = nullptr);

    /// The model must outlive the chart or be replaced first; nullptr detaches.
    void setModel(const RunModel* model);
    /// Shared follow state; when set, a user zoom or drag on the time axis stops following.
    void setFollowState(FollowState* follow);
    /// Call when a run begins: drops what belongs to the last run and wakes the refresh.
    void restart();
    /// Takes in what changed now instead of at the next tick.
    void refresh();

    QCustomPlot* plot() const { return m_plot; }

protected:
    const RunModel* model() const { return m_model; }
    bool hasTimeAxis() const { return m_timeAxis; }
    void setTimeAxis(bool timeAxis);

    virtual void clearRun() = 0; ///< forget the last run's series
    virtual void updateFromModel() = 0; ///< take in the model's news
    virtual void applyColors() { } ///< recolour series after a palette change
    /// Re-sets the texts that do not come from the run (axis labels, fixed series names) after a language
    /// change; the run's own (legends, lane names, notes) are then taken in again from the model.
    virtual void retranslate();

    /// Sets the time axis to the run so far (when following).
    void followLiveEnd();
    void changeEvent(QEvent* event) override;
    void applyStyle();

private:
    void onTick();
    void retakeRun();

    const RunModel* m_model = nullptr;
    FollowState* m_follow = nullptr;
    QCustomPlot* m_plot = nullptr;
    QTimer m_refreshTimer;
    quint64 m_seenRevision = 0;
    qint64 m_seenStartNs = -1;
    bool m_timeAxis = true;
    bool m_settingRange = false;
};

/// Scales a font, for axis labels readable on a projector.
QFont scaledFont(QFont font, double factor);

} // namespace ProcViz
