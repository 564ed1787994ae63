// SPDX-License-Identifier: GPL-3.0-or-later
#include "timingpanel.h"

#include "model/runmodel.h"
#include "panelregistry.h"
#include "scenario/scenario.h"
#include "statepalette.h"
#include "textfit.h"

#include <QJsonArray>
#include <QThread>
#include <QtMath>
#include <qcustomplot.h>

#include <cmath>

namespace ProcViz {

namespace {
/// The value axis reaches at least this far above the tallest bar: room for the labels above the bars.
constexpr double HeadRoom = 1.4;
/// Mode names that fit neither on one line nor a word a line are set at this angle.
constexpr double SlantDegrees = -35;
} // namespace

TimingPanel::TimingPanel(const Scenario& scenario, QWidget* parent)
    : LiveChartPanel(scenario, parent)
{
    // A bar for each mode a run of the defaults measures (all of them), in that order, from the start: a mode
    // run on its own then takes its place among the others instead of a place of its own.
    for (const auto& phase : scenario.plan(scenario.parameters().defaults()))
        m_modes.append(phase.name);
    setTimeAxis(false);
    plot()->xAxis->setLabel(QString());
    m_bars = new QCPBars(plot()->xAxis, plot()->yAxis);
    m_bars->setWidth(0.6);
    plot()->xAxis->setRange(-0.6, double(m_modes.size()) - 0.4);
    plot()->xAxis->grid()->setVisible(false);
    plot()->yAxis->setRange(0, 1);
    applySeriesStyle();
    retranslate();
}

void TimingPanel::retranslate()
{
    LiveChartPanel::retranslate();
    setValueAxisLabel(tr("elapsed (s) · n× = speedup"), tr("elapsed (s)"));
    setModeNames(m_modeNameLayout);
    // The bars' labels were written in the old language; the bars themselves are kept across runs.
    if (!m_elapsed.isEmpty())
        rebuild();
}

void TimingPanel::setModeNames(ModeNameLayout layout)
{
    m_modeNameLayout = layout;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < m_modes.size(); ++i) {
        QString name = scenario().phaseLabel(m_modes[i]);
        if (layout == ModeNameLayout::Wrapped)
            name.replace(QLatin1Char(' '), QLatin1Char('\n'));
        ticker->addTick(i, name);
    }
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setTickLabelRotation(layout == ModeNameLayout::Slanted ? SlantDegrees : 0);
}

void TimingPanel::fitToAxisRect()
{
    LiveChartPanel::fitToAxisRect();
    const int slotWidth = plot()->axisRect()->width() / int(std::max<qsizetype>(1, m_modes.size()));
    if (slotWidth <= 0)
        return;
    fitModeNames(slotWidth);
    fitBarLabels(slotWidth);
    placeIdealLabel();
}

void TimingPanel::fitModeNames(int slotWidth)
{
    // The longest name decides for all of them, so that they stay alike: on one line if it fits its bar's
    // slot, else a word a line, in smaller type if need be; slanted when even that does not fit and the
    // plot is tall enough, else a word a line in the type that fits.
    const QFont designed = chartFont(TickLabelFactor);
    const QFontMetrics metrics(designed);
    const int room = slotWidth - metrics.averageCharWidth(); // a gap between neighbours
    int widestName = 0;
    QString widestWord;
    for (const auto& mode : std::as_const(m_modes)) {
        const QString name = scenario().phaseLabel(mode);
        widestName = std::max(widestName, metrics.horizontalAdvance(name));
        for (const auto& word : name.split(QLatin1Char(' '))) {
            if (metrics.horizontalAdvance(word) > metrics.horizontalAdvance(widestWord))
                widestWord = word;
        }
    }
    ModeNameLayout layout = ModeNameLayout::OneLine;
    QFont font = designed;
    if (widestName > room) {
        layout = ModeNameLayout::Wrapped;
        font = fittedFont(designed, widestWord, QSize(room, QWIDGETSIZE_MAX), designed.pointSizeF() * 0.75);
        // Slanted names take about half their length in height: only a plot with height to spare can
        // give it (the whole plot's height, which does not change with this choice, so it cannot swing).
        const double slantedHeight = widestName * std::sin(qDegreesToRadians(-SlantDegrees)) + metrics.height();
        if (QFontMetrics(font).horizontalAdvance(widestWord) > room) {
            if (plot()->height() >= 4 * slantedHeight) {
                layout = ModeNameLayout::Slanted;
                font = designed;
            } else {
                font = fittedFont(designed, widestWord, QSize(room, QWIDGETSIZE_MAX));
            }
        }
    }
    if (layout == m_modeNameLayout && font == plot()->xAxis->tickLabelFont())
        return;
    if (layout != m_modeNameLayout)
        setModeNames(layout);
    plot()->xAxis->setTickLabelFont(font);
    // This frame's tick labels were made before the layout: the next frame has the new ones.
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TimingPanel::fitBarLabels(int slotWidth)
{
    // Each value label keeps to its bar's slot, so neighbours never touch, and the value axis reaches far
    // enough above the tallest bar for the label on it (the bars keep at least half the height). The
    // ideal's label keeps to the width of two slots (placeIdealLabel() finds it a place).
    const int height = plot()->axisRect()->height();
    int tallest = 0;
    for (auto* label : std::as_const(m_valueLabels)) {
        label->setFont(fittedFont(m_valueFont, label->text(), QSize(slotWidth - 4, height / 2)));
        tallest = std::max(tallest, QFontMetrics(label->font()).size(0, label->text()).height());
    }
    if (m_highest > 0 && height > 0) {
        const double share = std::clamp(double(tallest + 4) / height, 1 - 1 / HeadRoom, 0.5);
        const double top = m_highest / (1 - share);
        if (std::abs(top - plot()->yAxis->range().upper) > 0.01 * top) {
            plot()->yAxis->setRange(0, top);
            plot()->replot(QCustomPlot::rpQueuedReplot); // the value axis's ticks for the new range
        }
    }
    if (m_idealLabel) {
        const QMargins padding = m_idealLabel->padding();
        m_idealLabel->setFont(fittedFont(
            m_idealFont, m_idealLabel->text(), QSize(2 * slotWidth - padding.left() - padding.right(), height / 4)));
    }
}

void TimingPanel::placeIdealLabel()
{
    if (!m_idealLabel)
        return;
    // Below its line at the left, where no value label goes (no bar ends below the ideal) unless the line
    // is too near the bottom; else the first place that covers no value label and stays in the plot.
    const QRect plotRect = plot()->axisRect()->rect();
    const QSize size
        = QFontMetrics(m_idealLabel->font()).size(0, m_idealLabel->text()).grownBy(m_idealLabel->padding());
    QList<QRect> taken;
    for (auto* label : std::as_const(m_valueLabels)) {
        const QSize labelSize = QFontMetrics(label->font()).size(0, label->text());
        const QPointF anchor = label->position->pixelPosition(); // the middle of the label's bottom edge
        taken.append(QRect(qRound(anchor.x() - labelSize.width() / 2.0), qRound(anchor.y()) - labelSize.height(),
            labelSize.width(), labelSize.height()));
    }
    const int lineY = qRound(plot()->yAxis->coordToPixel(m_idealSeconds));
    const int inset = plotRect.width() / 100;
    struct Place
    {
        bool left;
        bool below;
    };
    for (const Place place : {Place {true, true}, Place {true, false}, Place {false, true}, Place {false, false}}) {
        const QRect rect(place.left ? plotRect.left() + inset : plotRect.right() - inset - size.width(),
            place.below ? lineY : lineY - size.height(), size.width(), size.height());
        const bool free
            = std::none_of(taken.cbegin(), taken.cend(), [&](const QRect& other) { return other.intersects(rect); });
        if (plotRect.contains(rect) && free) {
            m_idealLabel->position->setCoords(place.left ? 0.01 : 0.99, m_idealSeconds);
            m_idealLabel->setPositionAlignment(
                (place.left ? Qt::AlignLeft : Qt::AlignRight) | (place.below ? Qt::AlignTop : Qt::AlignBottom));
            return;
        }
    }
    // Nowhere free: at the left, its background keeping it readable over a bar; below the line if the
    // plot has room there.
    const bool below = lineY + size.height() <= plotRect.bottom();
    m_idealLabel->position->setCoords(0.01, m_idealSeconds);
    m_idealLabel->setPositionAlignment(Qt::AlignLeft | (below ? Qt::AlignTop : Qt::AlignBottom));
}

void TimingPanel::clearRun()
{
    // Kept on purpose: the bars compare runs.
}

bool TimingPanel::updateFromModel()
{
    if (!isOwnRun() || model()->endNs() < 0 || model()->startNs() == m_takenStartNs)
        return false; // the bars show finished runs only
    m_takenStartNs = model()->startNs();
    // The result's own fields (core/scenarios/timing.cpp): the workload it was measured with and each mode's time.
    const auto result = model()->result();
    const QString workload = QString::number(result.value(QLatin1String("workers")).toInteger()) + QLatin1Char('/')
        + QString::number(result.value(QLatin1String("iterations")).toInteger());
    if (workload != m_workload)
        m_elapsed.clear(); // another amount of work: the old bars would compare apples with pears
    m_workload = workload;
    m_workers = std::max(1, result.value(QLatin1String("workers")).toInt());
    for (const auto& value : result.value(QLatin1String("modes")).toArray()) {
        const auto mode = value.toObject();
        if (!mode.value(QLatin1String("completed")).toBool())
            continue;
        const QString name = mode.value(QLatin1String("mode")).toString();
        if (!m_modes.contains(name)) {
            m_modes.append(name);
            plot()->xAxis->setRange(-0.6, double(m_modes.size()) - 0.4);
            setModeNames(m_modeNameLayout);
        }
        m_elapsed.insert(name, mode.value(QLatin1String("elapsed_s")).toDouble());
    }
    rebuild();
    return true;
}

void TimingPanel::rebuild()
{
    plot()->clearItems();
    m_valueLabels.clear();
    m_idealLabel = nullptr;
    m_bars->data()->clear();
    const QColor text = palette().color(QPalette::WindowText);
    m_valueFont = chartFont(1.15);
    m_valueFont.setBold(true);
    m_idealFont = chartFont(1.1);
    double highest = 0;
    // Speedups are over the first mode, the one that does the work one unit after another.
    const double sequential = m_modes.isEmpty() ? 0 : m_elapsed.value(m_modes.first(), 0);
    for (int i = 0; i < m_modes.size(); ++i) {
        if (!m_elapsed.contains(m_modes[i]))
            continue;
        const double elapsed = m_elapsed.value(m_modes[i]);
        highest = std::max(highest, elapsed);
        m_bars->addData(i, elapsed);
        auto* label = new QCPItemText(plot());
        label->position->setCoords(i, elapsed);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setColor(text);
        label->setFont(m_valueFont);
        m_valueLabels.append(label);
        label->setText(sequential > 0 && elapsed > 0
                ? tr("%1 s\n%2×").arg(elapsed, 0, 'f', 2).arg(sequential / elapsed, 0, 'f', 1)
                : tr("%1 s").arg(elapsed, 0, 'f', 2));
    }
    if (sequential > 0) {
        // At best the work spreads over every core: that is the floor no mode can go below.
        const int cores = std::max(1, std::min(QThread::idealThreadCount(), m_workers));
        const double ideal = sequential / cores;
        m_idealSeconds = ideal;
        auto* line = new QCPItemStraightLine(plot());
        line->point1->setCoords(0, ideal);
        line->point2->setCoords(1, ideal);
        line->setPen(QPen(QColor(0xD55E00), scaled(3), Qt::DashLine));
        auto* label = new QCPItemText(plot());
        label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.01, ideal);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setColor(text);
        label->setBrush(palette().brush(QPalette::Base)); // stays readable where it crosses a bar
        label->setFont(m_idealFont);
        m_idealLabel = label;
        label->setText(tr("ideal with %n core(s): %1 s", nullptr, cores).arg(ideal, 0, 'f', 2));
    }
    m_highest = highest;
    plot()->yAxis->setRange(0, std::max(highest * HeadRoom, 0.1));
}

void TimingPanel::applySeriesStyle()
{
    if (!m_bars)
        return;
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(StatePalette::stateColor(WorkerState::Holding));
    if (!m_elapsed.isEmpty())
        rebuild();
}

} // namespace ProcViz

PROCVIZ_REGISTER_PANEL(timingpanel, ProcViz::PanelSpec::Timing, ProcViz::TimingPanel)
