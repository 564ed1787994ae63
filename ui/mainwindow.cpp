// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "modelabel.h"
#include "parameterbar.h"
#include "progresschart.h"
#include "resultpanel.h"
#include "scenario/scenarioregistry.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QVBoxLayout>

namespace ProcViz {

namespace {
constexpr int StatusIntervalMs = 100;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_scenarioId(QStringLiteral("timing"))
{
    createActions();
    createCentralWidget();
    createStatusBar();

    connect(&m_controller, &RunController::started, this, &MainWindow::onStarted);
    connect(&m_controller, &RunController::phaseStarted, this, [this](int, const QString& name) {
        m_phase = name;
        updateStatus();
    });
    connect(&m_controller, &RunController::finished, this, &MainWindow::onFinished);
    connect(&m_controller, &RunController::failed, this, [this](const QString& message) {
        setError(message);
        updateActions();
    });
    connect(&m_controller, &RunController::paused, this, &MainWindow::updateActions);
    connect(&m_controller, &RunController::resumed, this, &MainWindow::updateActions);
    m_statusTimer.setInterval(StatusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);

    if (const auto* scenario = ScenarioRegistry::instance().find(m_scenarioId))
        setWindowTitle(scenario->title());
    resize(1280, 720);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The engine is a member, so it dies before the child widgets: none may hear from it or read its model.
    disconnect(&m_controller, nullptr, this, nullptr);
    m_chart->setModel(nullptr);
}

void MainWindow::createActions()
{
    auto* toolBar = addToolBar(tr("Run"));
    toolBar->setObjectName(QStringLiteral("runToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Read from the back of a classroom: the controls a teacher points at are larger than desktop size.
    QFont large = toolBar->font();
    large.setPointSizeF(large.pointSizeF() * 1.25);
    toolBar->setFont(large);

    const auto* scenario = ScenarioRegistry::instance().find(m_scenarioId);
    m_parameters = new ParameterBar(scenario ? scenario->parameters() : ParameterTable({}), this);
    toolBar->addWidget(m_parameters);
    toolBar->addSeparator();

    m_runAction = toolBar->addAction(tr("&Run"), this, &MainWindow::onRun);
    m_runAction->setObjectName(QStringLiteral("run"));
    m_runAction->setShortcut(Qt::Key_F5);
    m_runAction->setToolTip(tr("Start the workers (F5)"));

    m_stopAction = toolBar->addAction(tr("&Stop"), &m_controller, &RunController::stop);
    m_stopAction->setObjectName(QStringLiteral("stop"));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setToolTip(tr("End every worker now (Shift+F5)"));

    m_pauseAction = toolBar->addAction(tr("&Pause"));
    m_pauseAction->setObjectName(QStringLiteral("pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(Qt::Key_F6);
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::onPauseToggled);

    QFont bold = large;
    bold.setBold(true);
    for (auto* action : {m_runAction, m_stopAction, m_pauseAction})
        toolBar->widgetForAction(action)->setFont(bold);
}

void MainWindow::createCentralWidget()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    // Errors stay in the window next to the controls that caused them: no dialog to dismiss mid-lesson.
    m_errorLabel = new QLabel(central);
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral(
        "QLabel { color: palette(window-text); background: rgba(213, 94, 0, 45); border: 2px solid #D55E00;"
        " border-radius: 4px; padding: 6px; }"));
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    // A plain layout rather than a splitter: it gives the result the height its wrapped lines need.
    m_chart = new ProgressChart(central);
    m_chart->setModel(&m_controller.model());
    m_results = new ResultPanel(central);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_results);
    setCentralWidget(central);

    if (!ScenarioRegistry::instance().find(m_scenarioId))
        setError(tr("This build has no '%1' scenario.").arg(m_scenarioId));
}

void MainWindow::createStatusBar()
{
    m_phaseLabel = new QLabel(this);
    m_workersLabel = new QLabel(this);
    m_coresLabel = new QLabel(tr("Cores: %1").arg(QThread::idealThreadCount()), this);
    m_coresLabel->setToolTip(tr("How many workers this machine can truly run at the same time"));
    m_elapsedLabel = new QLabel(this);
    QFont large = statusBar()->font();
    large.setPointSizeF(large.pointSizeF() * 1.25);
    statusBar()->setFont(large);
    for (auto* label : {m_workersLabel, m_coresLabel, m_elapsedLabel})
        label->setContentsMargins(16, 0, 16, 0);
    QFont bold = large;
    bold.setBold(true);
    m_elapsedLabel->setFont(bold);
    statusBar()->addWidget(m_phaseLabel, 1);
    statusBar()->addPermanentWidget(m_workersLabel);
    statusBar()->addPermanentWidget(m_coresLabel);
    statusBar()->addPermanentWidget(m_elapsedLabel);
}

void MainWindow::onRun()
{
    setError({});
    m_results->clear();
    m_chart->clear();
    m_phase.clear();
    // On failure the controller has emitted failed() already and nothing was started.
    m_controller.start(m_scenarioId, m_parameters->values());
    updateActions();
}

void MainWindow::onPauseToggled(bool pause)
{
    if (pause)
        m_controller.pause();
    else
        m_controller.resume();
}

void MainWindow::onStarted()
{
    m_elapsed.start();
    m_statusTimer.start();
    updateActions();
    updateStatus();
}

void MainWindow::onFinished(const QString& outcome)
{
    m_statusTimer.stop();
    m_chart->refresh();
    m_results->showResult(m_controller.model());
    if (outcome == QLatin1String("failed"))
        m_phase.clear();
    updateActions();
    updateStatus();
}

void MainWindow::setError(const QString& message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void MainWindow::updateActions()
{
    const bool running = m_controller.isRunning();
    m_runAction->setEnabled(!running && ScenarioRegistry::instance().find(m_scenarioId));
    m_stopAction->setEnabled(running);
    m_pauseAction->setEnabled(running);
    m_parameters->setEnabled(!running);
    const QSignalBlocker blocker(m_pauseAction);
    m_pauseAction->setChecked(running && m_controller.isPaused());
    m_pauseAction->setText(m_pauseAction->isChecked() ? tr("&Resume") : tr("&Pause"));
    m_pauseAction->setToolTip(m_pauseAction->isChecked() ? tr("Let the workers go on (SIGCONT, F6)")
                                                         : tr("Freeze every worker (SIGSTOP, F6)"));
}

void MainWindow::updateStatus()
{
    const auto& model = m_controller.model();
    const bool running = m_controller.isRunning();
    if (m_phase.isEmpty())
        m_phaseLabel->setText(running ? tr("Starting…") : tr("Ready"));
    else if (running)
        m_phaseLabel->setText(m_controller.isPaused() ? tr("Phase: %1 (paused)").arg(modeLabel(m_phase))
                                                      : tr("Phase: %1").arg(modeLabel(m_phase)));
    else if (model.outcome() == QLatin1String("completed"))
        m_phaseLabel->setText(tr("Run completed"));
    else if (model.outcome() == QLatin1String("stopped"))
        m_phaseLabel->setText(tr("Run stopped"));
    else
        m_phaseLabel->setText(tr("Run failed"));
    m_workersLabel->setText(tr("Live workers: %1").arg(model.liveWorkerCount()));
    // While running the wall clock of this window; afterwards the run's own measured length.
    const double seconds
        = running ? double(m_elapsed.elapsed()) / 1000.0 : (model.endNs() >= 0 ? double(model.endNs()) / 1e9 : 0.0);
    m_elapsedLabel->setText(tr("Elapsed: %1 s").arg(seconds, 0, 'f', 1));
}

} // namespace ProcViz
