// SPDX-License-Identifier: GPL-3.0-or-later
#include "arraypanel.h"

#include "calloutitem.h"
#include "model/runmodel.h"
#include "panelregistry.h"
#include "scenario/scenario.h"
#include "statepalette.h"
#include "textfit.h"

#include <qcustomplot.h>

namespace ProcViz {

namespace {
/// The value axis reaches this far above the ideal: room over the line for the lost counts and the callout.
constexpr double HeadRoom = 2.0;
/// The callout's share of the plot's height, at the top: the lost counts stand under it.
constexpr double CalloutShare = 0.2;
} // namespace

ArrayPanel::ArrayPanel(const Scenario& scenario, QWidget* parent)
    : LiveChartPanel(scenario, parent)
    , m_spec(scenario.panel())
{
    setTimeAxis(false);
    plot()->xAxis->setLabel(QString());
    plot()->xAxis->grid()->setVisible(false);
    m_totals = new QCPBars(plot()->xAxis, plot()->yAxis);
    m_lost = new QCPBars(plot()->xAxis, plot()->yAxis);
    for (auto* bars : {m_totals, m_lost}) {
        bars->setWidth(0.7);
        bars->setStackingGap(0);
    }
    m_lost->moveAbove(m_totals);
    m_level = new QCPItemStraightLine(plot());
    m_levelLabel = new QCPItemText(plot());
    // Top left, as a key to the line: the lost counts take the room just over it.
    m_levelLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_levelLabel->position->setCoords(0.01, 0.02);
    m_levelLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_callout = new CalloutItem(plot());
    m_callout->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_callout->position->setCoords(0.99, 0.02);
    applySeriesStyle();
    clearRun();
    retranslate();
}

void ArrayPanel::retranslate()
{
    LiveChartPanel::retranslate();
    const QString label = scenarioText(m_spec.axisLabel);
    setValueAxisLabel(label, *m_spec.shortAxisLabel ? scenarioText(m_spec.shortAxisLabel) : label);
    if (m_levelValue)
        showLevel(*m_levelValue);
}

void ArrayPanel::clearRun()
{
    m_totals->data()->clear();
    m_lost->data()->clear();
    setNames({});
    m_levelValue.reset();
    m_level->setVisible(false);
    m_levelLabel->setVisible(false);
    m_callout->setVisible(false);
    plot()->yAxis->setRange(0, 1);
}

bool ArrayPanel::updateFromModel()
{
    if (!isOwnRun())
        return false;
    QStringList names;
    QList<qint64> values;
    for (const auto& series : model()->runSamples()) {
        if (!series.points.isEmpty()) {
            names.append(series.name);
            values.append(series.points.constLast().value);
        }
    }
    if (names != m_names)
        setNames(names);
    QVector<double> keys, totals;
    double highest = 1;
    for (qsizetype i = 0; i < values.size(); ++i) {
        keys.append(double(i));
        totals.append(double(values[i]));
        highest = std::max(highest, double(values[i]));
    }
    m_totals->setData(keys, totals, true);
    if (const auto level = m_spec.levelValue ? m_spec.levelValue(model()->params()) : std::nullopt) {
        showLevel(*level);
        highest = std::max(highest, double(*level));
    }
    const bool over = model()->endNs() >= 0;
    showShortfalls(values, over && model()->outcome() == Outcome::Completed);
    if (over && m_spec.callout && !model()->result().isEmpty())
        m_callout->show(m_spec.callout(model()->result()));
    plot()->yAxis->setRange(0, highest * HeadRoom);
    return true;
}

void ArrayPanel::setNames(const QStringList& names)
{
    m_names = names;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype i = 0; i < names.size(); ++i)
        ticker->addTick(double(i), names[i]);
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setRange(-0.6, double(std::max<qsizetype>(1, names.size())) - 0.4);
    while (m_lostLabels.size() > names.size())
        plot()->removeItem(m_lostLabels.takeLast());
    while (m_lostLabels.size() < names.size()) {
        // Upright, reading upwards from just over the ideal line: a bar's slot is narrower than a number is long.
        auto* label = new QCPItemText(plot());
        label->setRotation(-90);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(4, 0, 0, 0));
        label->setColor(CalloutItem::Bad);
        label->setFont(m_lostFont);
        label->setVisible(false);
        m_lostLabels.append(label);
    }
}

void ArrayPanel::showLevel(qint64 level)
{
    m_levelValue = level;
    m_level->point1->setCoords(0, double(level));
    m_level->point2->setCoords(1, double(level));
    m_level->setVisible(true);
    m_levelLabel->setText(QStringLiteral("– – ") + scenarioText(m_spec.levelLabel).arg(level));
    m_levelLabel->setVisible(true);
}

void ArrayPanel::showShortfalls(const QList<qint64>& values, bool completed)
{
    // Only a completed run had every update done: then, and only then, the gap to the ideal is what was lost.
    QVector<double> keys, lost;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const qint64 gap = completed && m_levelValue ? std::max<qint64>(0, *m_levelValue - values[i]) : 0;
        if (gap > 0) { // a bar of no height would still draw its outline
            keys.append(double(i));
            lost.append(double(gap));
        }
        auto* label = m_lostLabels[i];
        label->setVisible(gap > 0);
        label->setText(QStringLiteral("−%L1").arg(gap));
        label->position->setCoords(double(i), double(m_levelValue.value_or(0)));
    }
    m_lost->setData(keys, lost, true);
}

void ArrayPanel::applySeriesStyle()
{
    const QColor text = palette().color(QPalette::WindowText);
    const QColor color = StatePalette::seriesColor(0, palette().color(QPalette::Base));
    m_totals->setPen(QPen(color.darker(120), scaled(1)));
    m_totals->setBrush(color);
    QColor lost = CalloutItem::Bad;
    lost.setAlpha(110);
    m_lost->setPen(QPen(CalloutItem::Bad, scaled(1.5), Qt::DashLine));
    m_lost->setBrush(lost);
    m_level->setPen(QPen(text, scaled(2), Qt::DashLine));
    m_levelLabel->setColor(text);
    m_levelLabel->setFont(chartFont(1.2));
    m_lostFont = chartFont(1.2);
    m_lostFont.setBold(true);
    for (auto* label : std::as_const(m_lostLabels))
        label->setFont(m_lostFont);
    QFont verdict = chartFont(1.5);
    verdict.setBold(true);
    m_callout->setStyle(palette(), chartFont(1.15), verdict);
}

void ArrayPanel::fitToAxisRect()
{
    LiveChartPanel::fitToAxisRect();
    // Each lost count keeps to its bar's slot, so neighbours never touch; the names under the bars likewise.
    const int slot = plot()->axisRect()->width() / int(std::max<qsizetype>(1, m_names.size()));
    if (slot <= 0)
        return;
    // Upright: a count's length goes up from the line to under the callout, its height across the slot.
    const double line = m_levelValue ? plot()->yAxis->coordToPixel(double(*m_levelValue)) : 0;
    const double top = plot()->axisRect()->top() + CalloutShare * plot()->axisRect()->height();
    const int length = std::max(0, int(line - top) - 8);
    for (auto* label : std::as_const(m_lostLabels))
        label->setFont(fittedFont(m_lostFont, label->text(), QSize(length, slot - 4)));
    QString widest;
    const QFont designed = chartFont(TickLabelFactor);
    for (const auto& name : std::as_const(m_names)) {
        if (QFontMetrics(designed).horizontalAdvance(name) > QFontMetrics(designed).horizontalAdvance(widest))
            widest = name;
    }
    const QFont names = fittedFont(designed, widest, QSize(slot - 4, QWIDGETSIZE_MAX));
    if (names != plot()->xAxis->tickLabelFont()) {
        plot()->xAxis->setTickLabelFont(names);
        plot()->replot(QCustomPlot::rpQueuedReplot);
    }
    // At the top of the head room over the ideal line, beside the line's key: the lost counts stand under it.
    m_callout->fit(0.6, CalloutShare);
}

} // namespace ProcViz

PROCVIZ_REGISTER_PANEL(arraypanel, ProcViz::ArrayPanel::Kind, ProcViz::ArrayPanel)
