// SPDX-License-Identifier: GPL-3.0-or-later
#include "livechart.h"

#include "followstate.h"
#include "model/runmodel.h"
#include "scenario/scenarioregistry.h"
#include "telemetry/telemetryrecord.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontInfo>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace ProcViz {

namespace {
constexpr double MinimumSpanSeconds = 1.0;
constexpr int MinimumTimeTicks = 2;
constexpr int MaximumTimeTicks = 8;

double styleScaleFor(const QFont& font)
{
    // The platform's font, not QApplication::font(): a presentation mode may enlarge the application font
    // itself, and the lines must grow with it then too.
    static const int defaultPixels = QFontInfo(QFontDatabase::systemFont(QFontDatabase::GeneralFont)).pixelSize();
    const int pixels = QFontInfo(font).pixelSize();
    if (defaultPixels <= 0 || pixels <= 0)
        return 1;
    // Below the default, lines keep their width: a thinner line gets lost on a projector.
    return std::max(1.0, double(pixels) / double(defaultPixels));
}
} // namespace

QFont scaledFont(QFont font, double factor)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

LiveChart::LiveChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setAntialiasedElements(QCP::aeAll);
    // Solid lines are then drawn segment by segment instead of as one stroked polyline, whose joins cost
    // the raster engine far more; at these widths the joins look the same.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->setMinimumSize(200, 120);
    // The grid shares its width evenly between the charts instead of by their legends' natural widths.
    m_plot->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_plot->xAxis->setRange(0, MinimumSpanSeconds);
    // Large tick labels need room: fewer of them than QCustomPlot's default (fitTimeTicks() adapts it to
    // the axis's length and the labels' width).
    m_plot->xAxis->ticker()->setTickCount(4);
    // Once laid out the axis rect has its size for this frame; fitting to it here still reaches this draw.
    connect(m_plot, &QCustomPlot::afterLayout, this, &LiveChart::fitToAxisRect);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LiveChart::onTick);
    setTimeAxis(true);
    applyStyle();
}

void LiveChart::setTimeAxis(bool timeAxis)
{
    m_timeAxis = timeAxis;
    if (timeAxis) {
        retranslate();
        m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
        m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
        m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    } else {
        m_plot->setInteractions({});
    }
}

void LiveChart::setModel(const RunModel* model)
{
    m_model = model;
    restart();
}

void LiveChart::setFollowState(FollowState* follow)
{
    m_follow = follow;
    // Only a change the user makes stops following; the chart's own range updates set m_settingRange.
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_settingRange && m_follow && m_timeAxis)
            m_follow->setFollowing(false);
    });
    connect(follow, &FollowState::followingChanged, this, [this](bool following) {
        if (following && m_model) {
            followLiveEnd();
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
    });
}

void LiveChart::restart()
{
    clearRun();
    m_seenRevision = 0;
    m_seenStartNs = -1;
    m_settingRange = true;
    if (m_timeAxis)
        m_plot->xAxis->setRange(0, MinimumSpanSeconds);
    m_settingRange = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (m_model)
        m_refreshTimer.start();
    else
        m_refreshTimer.stop();
}

void LiveChart::refresh()
{
    onTick();
}

void LiveChart::onTick()
{
    if (!m_model || m_model->scenarioId().isEmpty()) {
        m_refreshTimer.stop();
        return;
    }
    const bool ended = m_model->endNs() >= 0;
    if (m_model->startNs() != m_seenStartNs) {
        clearRun();
        m_seenStartNs = m_model->startNs();
    } else if (m_model->revision() == m_seenRevision) {
        if (ended)
            m_refreshTimer.stop();
        return;
    }
    m_seenRevision = m_model->revision();
    const bool changed = updateFromModel();
    followLiveEnd();
    if (changed || m_timeAxis)
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (ended)
        m_refreshTimer.stop();
}

void LiveChart::followLiveEnd()
{
    if (!m_timeAxis || !m_model || (m_follow && !m_follow->isFollowing()))
        return;
    const bool ended = m_model->endNs() >= 0;
    const double end = ended ? double(m_model->endNs()) / 1e9 : m_model->elapsedSeconds(monotonicNowNs());
    const double span = end * 1.03;
    m_settingRange = true;
    m_plot->xAxis->setRange(0, ended && span > 0 ? span : std::max(MinimumSpanSeconds, span));
    m_settingRange = false;
}

void LiveChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        retakeRun();
    }
}

void LiveChart::retranslate()
{
    if (m_timeAxis)
        m_plot->xAxis->setLabel(tr("time (s)"));
}

void LiveChart::retakeRun()
{
    // Names made from the run (a legend's "worker 1 · PID 1234") were translated when they were added:
    // forgetting what was seen makes the next tick rebuild them all, now, without touching the time axis.
    clearRun();
    m_seenRevision = 0;
    m_seenStartNs = -1;
    onTick();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

const Scenario* LiveChart::runScenario() const
{
    return m_model ? ScenarioRegistry::instance().find(m_model->scenarioId()) : nullptr;
}

QString LiveChart::workerName(const WorkerInfo& worker, bool brief) const
{
    const auto* scenario = runScenario();
    return scenario ? scenario->roleLabel(worker.role, worker.index, brief)
                    : worker.role + QLatin1Char(' ') + QString::number(worker.index);
}

QString LiveChart::phaseName(const QString& phase) const
{
    const auto* scenario = runScenario();
    return scenario ? scenario->phaseLabel(phase) : phase;
}

double LiveChart::textFactor(double factorAtDefault) const
{
    const double fade = std::clamp((m_styleScale - OrdinaryFontScale) / (LargeFontScale - OrdinaryFontScale), 0.0, 1.0);
    return factorAtDefault + (1.0 - factorAtDefault) * fade;
}

QFont LiveChart::chartFont(double factorAtDefault) const
{
    return scaledFont(font(), textFactor(factorAtDefault));
}

void LiveChart::setValueAxisLabel(const QString& label, const QString& shortLabel)
{
    m_valueLabel = label;
    m_shortValueLabel = shortLabel;
    m_plot->yAxis->setLabel(label);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LiveChart::fitToAxisRect()
{
    fitTimeTicks();
    fitValueAxisLabel();
}

void LiveChart::fitTimeTicks()
{
    // The ticks of this frame are made (before the layout): measure them. Labels that touch ask for fewer
    // ticks; much room to spare asks for more. QCustomPlot rounds the step to a readable one, so one tick
    // more can halve the spacing: ask for more only with three times the room needed, or it would swing.
    QCPAxis* axis = m_plot->xAxis;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    if (!m_timeAxis || ticks.size() < 2 || labels.size() != ticks.size())
        return;
    const QFontMetrics metrics(axis->tickLabelFont());
    int widest = 0;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        if (axis->range().contains(ticks[i]))
            widest = std::max(widest, metrics.horizontalAdvance(labels[i]));
    }
    const int needed = widest + 2 * metrics.averageCharWidth();
    const double spacing = std::abs(axis->coordToPixel(ticks[1]) - axis->coordToPixel(ticks[0]));
    auto ticker = axis->ticker();
    int count = ticker->tickCount();
    if (spacing < needed && count > MinimumTimeTicks)
        --count;
    else if (spacing >= 3 * needed && count < MaximumTimeTicks)
        ++count;
    else
        return;
    ticker->setTickCount(count);
    // One step a frame: the next frame's ticks are made with the new count, and measured again.
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LiveChart::fitValueAxisLabel()
{
    if (m_valueLabel.isEmpty())
        return;
    // The title runs along the axis, so the axis rect's height is its room.
    const int room = m_plot->axisRect()->height();
    const QFontMetrics metrics(m_plot->yAxis->labelFont());
    QString text = m_valueLabel;
    if (metrics.horizontalAdvance(text) > room)
        text = metrics.elidedText(m_shortValueLabel, Qt::ElideRight, room);
    m_plot->yAxis->setLabel(text);
}

void LiveChart::applyStyle()
{
    m_styleScale = styleScaleFor(font());
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = pal.color(QPalette::Mid);
    m_plot->setBackground(pal.brush(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.brush(QPalette::Base));
    for (auto* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(text, scaled(2)));
        axis->setTickPen(QPen(text, scaled(2)));
        axis->setSubTickPen(QPen(text, hairline()));
        // QCustomPlot's default lengths (5 and 2 pixels, inside), grown with the pens.
        axis->setTickLength(qRound(scaled(5)), 0);
        axis->setSubTickLength(qRound(scaled(2)), 0);
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(chartFont(AxisLabelFactor));
        axis->setTickLabelFont(chartFont(TickLabelFactor));
        axis->grid()->setPen(QPen(grid, hairline(), Qt::DotLine));
    }
    m_plot->legend->setBrush(pal.brush(QPalette::Base));
    m_plot->legend->setBorderPen(QPen(grid, hairline()));
    m_plot->legend->setTextColor(text);
    m_plot->legend->setFont(chartFont(1.15));
    m_plot->legend->setIconSize(qRound(scaled(32)), qRound(scaled(18))); // QCustomPlot's default, scaled
    applySeriesStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ProcViz
