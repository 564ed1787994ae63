// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cmath>

class QCustomPlot;

namespace ProcViz {

class FollowState;
class RunModel;

/// A chart fed from a RunModel by pulling: about 30 times a second it looks at RunModel::revision() and,
/// only when it moved, calls update() and queues one replot. Subclasses draw; this class owns the plot,
/// the projector-sized style (recomputed on palette and font changes) and the following time axis.
///
/// Line widths and marker sizes follow the widget's font: styleScale() is the font's pixel size over the
/// platform's default, so a presentation mode that enlarges the fonts thickens every line with them.
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

    /// The widget font's pixel size relative to the platform's default font (1 at the default size).
    double styleScale() const { return m_styleScale; }
    /// A line width or marker size given for the default font, scaled to the current one.
    double scaled(double pixelsAtDefaultFont) const { return pixelsAtDefaultFont * m_styleScale; }
    /// A one-pixel line at the default font, in whole pixels so that grids and frames stay crisp.
    int hairline() const { return std::max(1, int(std::lround(m_styleScale))); }

protected:
    const RunModel* model() const { return m_model; }
    bool hasTimeAxis() const { return m_timeAxis; }
    void setTimeAxis(bool timeAxis);

    virtual void clearRun() = 0; ///< forget the last run's series
    /// Takes in the model's news; false when nothing the chart shows changed, which saves the replot of a
    /// chart without a time axis (a time axis moves on every tick).
    virtual bool updateFromModel() = 0;
    /// Restyles the subclass's series and items (colours, widths, fonts) after a palette or font change.
    virtual void applySeriesStyle() { }
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
    double m_styleScale = 1;
};

/// Scales a font, for axis labels readable on a projector.
QFont scaledFont(QFont font, double factor);

} // namespace ProcViz
