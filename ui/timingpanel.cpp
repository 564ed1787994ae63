// SPDX-License-Identifier: GPL-3.0-or-later
#include "timingpanel.h"

#include "model/runmodel.h"
#include "modelabel.h"
#include "statepalette.h"

#include <QJsonArray>
#include <QThread>
#include <qcustomplot.h>

namespace ProcViz {

namespace {
const QStringList Modes
    = {QStringLiteral("sequential"), QStringLiteral("threads"), QStringLiteral("gil"), QStringLiteral("processes")};
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
    plot()->yAxis->setLabel(tr("elapsed (s) · n× = speedup"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < Modes.size(); ++i)
        ticker->addTick(i, modeLabel(Modes[i]));
    plot()->xAxis->setTicker(ticker);
    // The bars' labels were written in the old language; the bars themselves are kept across runs.
    if (!m_elapsed.isEmpty())
        rebuild();
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
    m_bars->data()->clear();
    const QColor text = palette().color(QPalette::WindowText);
    QFont labelFont = scaledFont(font(), 1.15);
    labelFont.setBold(true);
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
        label->setFont(labelFont);
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
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setColor(text);
        label->setBrush(palette().brush(QPalette::Base)); // stays readable where it crosses a bar
        label->setFont(scaledFont(font(), 1.1));
        label->setText(tr("ideal with %n core(s): %1 s", nullptr, cores).arg(ideal, 0, 'f', 2));
    }
    plot()->yAxis->setRange(0, std::max(highest * 1.4, 0.1));
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
