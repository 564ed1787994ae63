// SPDX-License-Identifier: GPL-3.0-or-later
#include "timingpanel.h"

#include "model/runmodel.h"
#include "modelabel.h"
#include "statepalette.h"
#include "textfit.h"

#include <QJsonArray>
#include <QThread>
#include <qcustomplot.h>

namespace ProcViz {

namespace {
const QStringList Modes
    = {QStringLiteral("sequential"), QStringLiteral("threads"), QStringLiteral("gil"), QStringLiteral("processes")};
/// The value axis reaches this far above the tallest bar: room for the labels above the bars.
constexpr double HeadRoom = 1.4;
} // namespace

TimingPanel::TimingPanel(QWidget* parent)
    : LiveChart(parent)
{
    setTimeAxis(false);
    plot()->xAxis->setLabel(QString());
    m_bars = new QCPBars(plot()->xAxis, plot()->yAxis);
    m_bars->setWidth(0.6);
    plot()->xAxis->setRange(-0.6, Modes.size() - 0.4);
    plot()->xAxis->grid()->setVisible(false);
    plot()->yAxis->setRange(0, 1);
    applySeriesStyle();
    retranslate();
}

void TimingPanel::retranslate()
{
    LiveChart::retranslate();
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
    for (int i = 0; i < Modes.size(); ++i) {
        QString name = modeLabel(Modes[i]);
        if (layout == ModeNameLayout::Wrapped)
            name.replace(QLatin1Char(' '), QLatin1Char('\n'));
        ticker->addTick(i, name);
    }
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setTickLabelRotation(layout == ModeNameLayout::Slanted ? -35 : 0);
}

void TimingPanel::fitToAxisRect()
{
    LiveChart::fitToAxisRect();
    const int slotWidth = plot()->axisRect()->width() / int(Modes.size());
    if (slotWidth <= 0)
        return;
    fitModeNames(slotWidth);
    fitBarLabels(slotWidth);
}

void TimingPanel::fitModeNames(int slotWidth)
{
    // The widest name decides for all of them, so that they stay alike.
    const QFontMetrics metrics(plot()->xAxis->tickLabelFont());
    int widestName = 0;
    int widestWord = 0;
    for (const auto& mode : Modes) {
        const QString name = modeLabel(mode);
        widestName = std::max(widestName, metrics.horizontalAdvance(name));
        for (const auto& word : name.split(QLatin1Char(' ')))
            widestWord = std::max(widestWord, metrics.horizontalAdvance(word));
    }
    const int room = slotWidth - metrics.averageCharWidth(); // a gap between neighbours
    const ModeNameLayout layout = widestName <= room ? ModeNameLayout::OneLine
        : widestWord <= room                         ? ModeNameLayout::Wrapped
                                                     : ModeNameLayout::Slanted;
    if (layout == m_modeNameLayout)
        return;
    setModeNames(layout);
    // This frame's tick labels were made before the layout: the next frame has the new ones.
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TimingPanel::fitBarLabels(int slotWidth)
{
    // Each value label keeps to its bar's slot, so neighbours never touch, and to the room left above the
    // tallest bar (the range reserves it). The ideal's label hangs below its line, where no value label
    // goes (no bar ends below the ideal), and keeps clear of the last slots.
    const int above = int(plot()->axisRect()->height() * (1 - 1 / HeadRoom)) - 2;
    for (auto* label : std::as_const(m_valueLabels))
        label->setFont(fittedFont(m_valueFont, label->text(), QSize(slotWidth - 4, above)));
    if (m_idealLabel) {
        const QMargins padding = m_idealLabel->padding();
        m_idealLabel->setFont(fittedFont(m_idealFont, m_idealLabel->text(),
            QSize(2 * slotWidth - padding.left() - padding.right(), plot()->axisRect()->height() / 4)));
    }
}

void TimingPanel::clearRun()
{
    // Kept on purpose: the bars compare runs.
}

bool TimingPanel::updateFromModel()
{
    if (model()->endNs() < 0 || model()->startNs() == m_takenStartNs)
        return false; // the bars show finished runs only
    m_takenStartNs = model()->startNs();
    const auto& params = model()->params();
    const QString workload = params.value(QStringLiteral("workers")).toString() + QLatin1Char('/')
        + params.value(QStringLiteral("iterations")).toString();
    if (workload != m_workload)
        m_elapsed.clear(); // another amount of work: the old bars would compare apples with pears
    m_workload = workload;
    m_workers = params.value(QStringLiteral("workers")).toInt();
    for (const auto& value : model()->result().value(QLatin1String("modes")).toArray()) {
        const auto mode = value.toObject();
        if (mode.value(QLatin1String("completed")).toBool())
            m_elapsed.insert(
                mode.value(QLatin1String("mode")).toString(), mode.value(QLatin1String("elapsed_s")).toDouble());
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
    const double sequential = m_elapsed.value(QStringLiteral("sequential"), 0);
    for (int i = 0; i < Modes.size(); ++i) {
        if (!m_elapsed.contains(Modes[i]))
            continue;
        const double elapsed = m_elapsed.value(Modes[i]);
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
