// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "chartspage.h"
#include "lessonpanel.h"
#include "modelabel.h"
#include "parameterform.h"
#include "progresschart.h"
#include "resultpanel.h"
#include "scenario/scenarioregistry.h"
#include "scenariolist.h"
#include "statetimeline.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>


namespace ProcViz {

namespace {
constexpr int StatusIntervalMs = 100;
// At the window's own priority, 64 CPU-bound workers leave its thread 1/65 of the machine and replots and
// input stall for most of a second (tests/benchmarks/README.md). The workers yield to the window instead;
// among themselves nothing changes.
constexpr int WorkerNice = 19;

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    bold.setBold(true);
    label->setFont(bold);
    return label;
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    // Read from the back of a classroom: everything a little larger than desktop size.
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.15);
    setFont(large);

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
    connect(&m_controller, &RunController::workerExited, this, &MainWindow::updateActions);
    m_statusTimer.setInterval(StatusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);

    setWindowTitle(tr("ProcViz — processes you can see"));
    resize(1280, 720);
    if (!m_scenarios->selectScenario(QStringLiteral("timing")) && m_scenarios->count() > 0)
        m_scenarios->setCurrentRow(0);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The engine is a member, so it dies before the child widgets: none may hear from it or read its model.
    disconnect(&m_controller, nullptr, this, nullptr);
    m_charts->setModel(nullptr);
}

ProgressChart* MainWindow::chart() const
{
    return m_charts->progress();
}

void MainWindow::createActions()
{
    auto* toolBar = addToolBar(tr("Run"));
    toolBar->setObjectName(QStringLiteral("runToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.2);
    large.setBold(true);
    toolBar->setFont(large);

    m_runAction = toolBar->addAction(tr("▶ &Run"), this, &MainWindow::run);
    m_runAction->setObjectName(QStringLiteral("run"));
    m_runAction->setShortcut(Qt::Key_F5);

    m_stopAction = toolBar->addAction(tr("■ &Stop"), &m_controller, &RunController::stop);
    m_stopAction->setObjectName(QStringLiteral("stop"));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setToolTip(tr("End every worker now and reap them (Shift+F5)"));

    m_pauseAction = toolBar->addAction(tr("&Pause"));
    m_pauseAction->setObjectName(QStringLiteral("pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(Qt::Key_F6);
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::onPauseToggled);

    m_killAction = toolBar->addAction(tr("✗ &Kill worker"), this, &MainWindow::onKill);
    m_killAction->setObjectName(QStringLiteral("kill"));
    m_killAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    toolBar->addSeparator();
    m_exportAction = toolBar->addAction(tr("&Export PNG…"), this, &MainWindow::onExport);
    m_exportAction->setObjectName(QStringLiteral("export"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Save a picture of the whole dashboard (Ctrl+E)"));

    // Toolbar buttons take no keyboard focus by default; a keyboard-only user must reach them with Tab.
    for (auto* action : toolBar->actions()) {
        if (auto* button = toolBar->widgetForAction(action))
            button->setFocusPolicy(Qt::TabFocus);
    }
}

void MainWindow::createCentralWidget()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 4, 4);
    leftLayout->addWidget(heading(tr("Scenarios"), left));
    m_scenarios = new ScenarioList(left);
    leftLayout->addWidget(m_scenarios, 1);
    leftLayout->addWidget(heading(tr("Parameters"), left));
    m_parameters = new ParameterForm(left);
    leftLayout->addWidget(m_parameters);
    m_parameterErrorLabel = new QLabel(left);
    m_parameterErrorLabel->setObjectName(QStringLiteral("parameterError"));
    m_parameterErrorLabel->setWordWrap(true);
    m_parameterErrorLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: rgba(213, 94, 0, 45); border: 2px solid #D55E00; border-radius: 4px; padding: 4px; }"));
    m_parameterErrorLabel->hide();
    leftLayout->addWidget(m_parameterErrorLabel);
    connect(m_scenarios, &ScenarioList::scenarioSelected, this, &MainWindow::onScenarioSelected);
    connect(m_parameters, &ParameterForm::changed, this, &MainWindow::onParametersChanged);

    auto* center = new QWidget(splitter);
    auto* centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(4, 4, 4, 4);
    // Errors stay in the window next to the controls that caused them: no dialog to dismiss mid-lesson.
    m_errorLabel = new QLabel(center);
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(m_parameterErrorLabel->styleSheet());
    m_errorLabel->hide();
    centerLayout->addWidget(m_errorLabel);
    m_charts = new ChartsPage(center);
    m_charts->setModel(&m_controller.model());
    centerLayout->addWidget(m_charts, 1);
    m_results = new ResultPanel(center);
    centerLayout->addWidget(m_results);
    connect(m_charts->timeline(), &StateTimeline::workerSelected, this, &MainWindow::updateActions);
    connect(m_charts, &ChartsPage::chatLineEntered, this, &MainWindow::onChatLine);

    m_lesson = new LessonPanel(splitter);

    splitter->addWidget(left);
    splitter->addWidget(center);
    splitter->addWidget(m_lesson);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    m_splitter = splitter;
    setCentralWidget(splitter);

    setTabOrder(m_scenarios, m_parameters);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    // Scenarios narrow, charts wide, the lesson wide enough for its code to read without scrolling.
    const int width = m_splitter->width();
    const int lesson = width * (width >= 1600 ? 27 : 23) / 100;
    m_splitter->setSizes({width * 16 / 100, width - width * 16 / 100 - lesson, lesson});
}

void MainWindow::createStatusBar()
{
    m_phaseLabel = new QLabel(this);
    m_workersLabel = new QLabel(this);
    m_workersLabel->setObjectName(QStringLiteral("liveWorkers"));
    m_coresLabel = new QLabel(tr("Cores: %1").arg(QThread::idealThreadCount()), this);
    m_coresLabel->setToolTip(tr("How many workers this machine can truly run at the same time"));
    m_elapsedLabel = new QLabel(this);
    QFont large = statusBar()->font();
    large.setPointSizeF(large.pointSizeF() * 1.15);
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

bool MainWindow::selectScenario(const QString& id)
{
    return m_scenarios->selectScenario(id);
}

void MainWindow::setLanguage(const QString& language)
{
    m_lesson->setLanguage(language);
}

void MainWindow::onScenarioSelected(const QString& id)
{
    if (m_controller.isRunning())
        m_controller.stop();
    const auto* scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        return;
    m_scenarioId = id;
    setWindowTitle(tr("ProcViz — %1").arg(scenario->title()));
    m_charts->setScenario(id);
    m_lesson->setScenario(id);
    m_results->clear();
    m_parameters->setTable(scenario->parameters());
}

void MainWindow::onParametersChanged()
{
    // The engine's own check, so the window refuses exactly what the command line refuses.
    m_parameterError = m_scenarioId.isEmpty() ? QString() : RunController::check(m_scenarioId, m_parameters->values());
    m_parameterErrorLabel->setText(m_parameterError);
    m_parameterErrorLabel->setVisible(!m_parameterError.isEmpty());
    updateActions();
}

void MainWindow::run()
{
    if (!m_runAction->isEnabled())
        return;
    setError({});
    m_results->clear();
    m_charts->restart();
    m_phase.clear();
    // On failure the controller has emitted failed() already and nothing was started.
    // The spawner sets the nice value before the worker runs: renicing after workerStarted would miss the
    // threads a cloned worker may already have started (nice is per thread on Linux).
    RunOptions options;
    options.workerNice = WorkerNice;
    m_controller.start(m_scenarioId, m_parameters->values(), options);
    updateActions();
}

void MainWindow::onPauseToggled(bool pause)
{
    if (pause)
        m_controller.pause();
    else
        m_controller.resume();
}

void MainWindow::onKill()
{
    const int worker = m_charts->timeline()->selectedWorker();
    if (worker >= 0 && !m_controller.kill(worker))
        setError(tr("That worker has already ended."));
    updateActions();
}

void MainWindow::onChatLine(const QString& line)
{
    // The pipe's sending process (the first peer in duplex mode) reads chat lines from its standard input.
    for (const auto& worker : m_controller.model().workers()) {
        const bool sender
            = worker.role == QLatin1String("sender") || (worker.role == QLatin1String("peer") && worker.index == 0);
        if (sender && worker.isAlive() && m_controller.sendInput(worker.id, line.toUtf8() + '\n')) {
            setError({});
            return;
        }
    }
    setError(tr("No sender is running to take the message: start a run and type while it is still sending."));
}

void MainWindow::onExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the dashboard"),
        QStringLiteral("procviz-%1.png").arg(m_scenarioId), tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveDashboard(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

bool MainWindow::saveDashboard(const QString& path, QString* error)
{
    m_charts->refresh();
    const QPixmap image = grab();
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0) {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(image.width(), image.height()), QPageSize::Point));
        writer.setPageMargins({});
        writer.setResolution(72);
        QPainter painter;
        if (!painter.begin(&writer)) {
            if (error)
                *error = tr("Cannot write '%1'.").arg(path);
            return false;
        }
        painter.drawPixmap(0, 0, image);
        return true;
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write '%1'.").arg(path);
        return false;
    }
    return true;
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
    m_charts->refresh();
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
    const bool runnable = !running && !m_scenarioId.isEmpty() && m_parameterError.isEmpty();
    m_runAction->setEnabled(runnable);
    m_runAction->setToolTip(
        m_parameterError.isEmpty() ? tr("Start the workers (F5)") : tr("Cannot run: %1").arg(m_parameterError));
    m_stopAction->setEnabled(running);
    m_pauseAction->setEnabled(running);
    m_scenarios->setEnabled(!running);
    m_parameters->setEnabled(!running);
    const QSignalBlocker blocker(m_pauseAction);
    const bool paused = running && m_controller.isPaused();
    m_pauseAction->setChecked(paused);
    m_pauseAction->setText(paused ? tr("▶ &Resume") : tr("‖ &Pause"));
    m_pauseAction->setToolTip(
        paused ? tr("Let the workers go on (SIGCONT, F6)") : tr("Freeze every worker (SIGSTOP, F6)"));
    m_charts->setPaused(paused);

    const int selected = m_charts->timeline()->selectedWorker();
    const auto& workers = m_controller.model().workers();
    const bool killable = running && selected >= 0 && selected < workers.size() && workers.at(selected).isAlive();
    m_killAction->setEnabled(killable);
    m_killAction->setToolTip(killable ? tr("Send SIGKILL to worker %1 (PID %2) (Ctrl+K)")
                                            .arg(workers.at(selected).index)
                                            .arg(workers.at(selected).pid)
                                      : tr("Select a live worker's lane in the timeline first (Ctrl+K)"));
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
    else if (model.outcome() == QLatin1String("deadlock"))
        m_phaseLabel->setText(tr("Run ended: deadlock"));
    else
        m_phaseLabel->setText(tr("Run failed"));
    m_workersLabel->setText(tr("Live workers: %1").arg(model.liveWorkerCount()));
    const double seconds
        = running ? double(m_elapsed.elapsed()) / 1000.0 : (model.endNs() >= 0 ? double(model.endNs()) / 1e9 : 0.0);
    m_elapsedLabel->setText(tr("Elapsed: %1 s").arg(seconds, 0, 'f', 1));
}

} // namespace ProcViz
