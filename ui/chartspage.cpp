// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"

#include "cpuchart.h"
#include "followstate.h"
#include "panelregistry.h"
#include "progresschart.h"
#include "scenario/scenarioregistry.h"
#include "scenariopanel.h"
#include "statetimeline.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ProcViz {

ChartsPage::ChartsPage(QWidget* parent)
    : QWidget(parent)
    , m_follow(new FollowState(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // Unmissable from the back of the room: the workers are frozen, not slow.
    m_pausedBanner = new QLabel(this);
    m_pausedBanner->setObjectName(QStringLiteral("pausedBanner"));
    m_pausedBanner->setAlignment(Qt::AlignCenter);
    // Korean runs longer than the English: wrap rather than widen the whole window.
    m_pausedBanner->setWordWrap(true);
    m_pausedBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #D55E00; color: white; font-weight: bold; padding: 8px; border-radius: 4px; }"));
    QFont big = m_pausedBanner->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_pausedBanner->setFont(big);
    m_pausedBanner->hide();
    layout->addWidget(m_pausedBanner);

    m_followButton = new QPushButton(this);
    m_followButton->setObjectName(QStringLiteral("followLive"));
    m_followButton->setStyleSheet(QStringLiteral("QPushButton { background: #F0E442; color: black; padding: 4px; }"));
    m_followButton->hide();
    connect(m_followButton, &QPushButton::clicked, m_follow, [this] { m_follow->setFollowing(true); });
    connect(m_follow, &FollowState::followingChanged, m_followButton,
        [this](bool following) { m_followButton->setVisible(!following); });
    layout->addWidget(m_followButton);

    m_progress = new ProgressChart(this);
    m_timeline = new StateTimeline(this);
    m_cpu = new CpuChart(this);
    m_progress->setFollowState(m_follow);
    m_timeline->setFollowState(m_follow);
    m_cpu->setFollowState(m_follow);

    m_grid = new QGridLayout;
    m_grid->addWidget(titled(&m_progressTitle, m_progress, this), 0, 0);
    m_grid->addWidget(titled(&m_timelineTitle, m_timeline, this), 0, 1);
    m_grid->addWidget(titled(&m_cpuTitle, m_cpu, this), 1, 0);
    m_grid->setRowStretch(0, 3);
    m_grid->setRowStretch(1, 2);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    layout->addLayout(m_grid, 1);
    retranslate();
}

void ChartsPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ChartsPage::retranslate()
{
    m_pausedBanner->setText(tr("‖ PAUSED — every worker is stopped (SIGSTOP). Press Resume to continue."));
    m_followButton->setText(tr("Following paused by your zoom — click to follow the live run again"));
    m_progressTitle->setText(tr("Progress per worker"));
    m_timelineTitle->setText(tr("What each worker is doing (click a lane to select it)"));
    m_cpuTitle->setText(tr("CPU per process"));
    if (m_scenarioTitle)
        m_scenarioTitle->setText(scenarioPanelTitle());
}

QString ChartsPage::scenarioPanelTitle() const
{
    return m_scenarioPanel ? ScenarioPanel::scenarioText(m_panelSpec.title) : QString();
}

QWidget* ChartsPage::titled(QLabel** title, QWidget* chart, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    auto* label = new QLabel(box);
    *title = label;
    label->setWordWrap(true);
    QFont bold = label->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    bold.setBold(true);
    label->setFont(bold);
    layout->addWidget(label);
    layout->addWidget(chart, 1);
    return box;
}

void ChartsPage::setModel(const RunModel* model)
{
    m_model = model;
    m_progress->setModel(model);
    m_timeline->setModel(model);
    m_cpu->setModel(model);
    if (m_scenarioPanel)
        m_scenarioPanel->setModel(model);
}

void ChartsPage::setScenario(const QString& id)
{
    delete m_scenarioBox;
    m_scenarioBox = nullptr;
    m_scenarioTitle = nullptr;
    m_scenarioPanel = nullptr;
    m_scenarioId = id;
    const auto* scenario = ScenarioRegistry::instance().find(id);
    m_panelSpec = scenario ? scenario->panel() : PanelSpec();
    m_scenarioPanel = scenario ? PanelRegistry::instance().create(*scenario, this) : nullptr;
    if (!m_scenarioPanel) {
        m_grid->addWidget(m_cpu->parentWidget(), 1, 0, 1, 2);
        Q_EMIT scenarioChanged(id);
        return;
    }
    m_scenarioPanel->setFollowState(m_follow);
    m_scenarioPanel->setModel(m_model);
    m_scenarioPanel->setInputSink([this](const QString& line) { Q_EMIT inputEntered(line); });
    m_grid->addWidget(m_cpu->parentWidget(), 1, 0);
    m_scenarioBox = titled(&m_scenarioTitle, m_scenarioPanel->widget(), this);
    m_scenarioTitle->setText(scenarioPanelTitle());
    m_grid->addWidget(m_scenarioBox, 1, 1);
    Q_EMIT scenarioChanged(id);
}

void ChartsPage::restart()
{
    m_follow->setFollowing(true);
    m_progress->clear();
    m_timeline->restart();
    m_cpu->restart();
    if (m_scenarioPanel)
        m_scenarioPanel->restart();
}

void ChartsPage::refresh()
{
    m_progress->refresh();
    m_timeline->refresh();
    m_cpu->refresh();
    if (m_scenarioPanel)
        m_scenarioPanel->refresh();
}

void ChartsPage::setPaused(bool paused)
{
    m_pausedBanner->setVisible(paused);
}

} // namespace ProcViz
