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
class Scenario;
struct WorkerInfo;

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

    /// The widget font enlarged for chart text (axis labels, tick labels, notes) by @p factorAtDefault at
    /// the ordinary font size; the extra fades out as the font itself grows (see textFactor()).
    QFont chartFont(double factorAtDefault) const;
    /// @p factorAtDefault at the window's ordinary font, falling to 1 as styleScale() reaches
    /// LargeFontScale: a font already large enough for the back of a room needs no more, and 1.75 × 1.5
    /// would crowd the axes out of a chart at 1920×1080.
    double textFactor(double factorAtDefault) const;
    /// Where the extra starts to fade (the main window's own 1.15 × the platform's, with room for rounding)
    /// and where it is gone.
    static constexpr double OrdinaryFontScale = 1.2;
    /// Axis titles and tick labels at the ordinary font size, relative to the widget font.
    static constexpr double AxisLabelFactor = 1.3;
    static constexpr double TickLabelFactor = 1.2;
    static constexpr double LargeFontScale = 1.6;

    /// Sets the value axis's title: @p label when it fits the axis's height, else @p shortLabel, else
    /// @p shortLabel elided. Both translated by the caller.
    void setValueAxisLabel(const QString& label, const QString& shortLabel);

protected:
    const RunModel* model() const { return m_model; }
    /// The scenario of the model's run, which names its workers and phases; nullptr without one.
    const Scenario* runScenario() const;
    /// "worker 2", "producer 0" (@p brief: "w2"), as the run's scenario names it.
    QString workerName(const WorkerInfo& worker, bool brief = false) const;
    /// "processes", "emulated GIL", as the run's scenario names it.
    QString phaseName(const QString& phase) const;
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
    /// Fits what depends on the axis rect's size once the plot is laid out (before it draws): the time
    /// axis's tick count, the value axis's title and, in subclasses, their notes. Subclasses call the base.
    virtual void fitToAxisRect();

private:
    void onTick();
    void retakeRun();
    void fitTimeTicks();
    void fitValueAxisLabel();

    const RunModel* m_model = nullptr;
    FollowState* m_follow = nullptr;
    QCustomPlot* m_plot = nullptr;
    QTimer m_refreshTimer;
    quint64 m_seenRevision = 0;
    qint64 m_seenStartNs = -1;
    bool m_timeAxis = true;
    bool m_settingRange = false;
    double m_styleScale = 1;
    QString m_valueLabel;
    QString m_shortValueLabel;
};

/// Scales a font, for axis labels readable on a projector.
QFont scaledFont(QFont font, double factor);

} // namespace ProcViz
