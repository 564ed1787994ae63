// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "chartspage.h"
#include "exportactions.h"
#include "fittingscrollarea.h"
#include "languagemenu.h"
#include "lessonpanel.h"
#include "parameterform.h"
#include "presentationmode.h"
#include "progresschart.h"
#include "resultpanel.h"
#include "scenario/scenarioregistry.h"
#include "scenariolist.h"
#include "statetimeline.h"
#include "storedparameters.h"
#include "themeswitcher.h"
#include "viewmenu.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
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

QLabel* heading(QWidget* parent)
{
    auto* label = new QLabel(parent);
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
    createExports();
    createViewMenu();
    createLanguageMenu();
    // The system's language until told otherwise (settings, --lang, the Language menu). English is already in
    // place and announces nothing, hence the lesson's own call.
    connect(&m_translations, &Translations::languageChanged, m_lesson, &LessonPanel::setLanguage);
    setLanguage(Translations::systemLanguage());
    m_lesson->setLanguage(m_translations.language());

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

    resize(1280, 720);
    retranslate();
    if (!m_scenarios->selectScenario(QStringLiteral("timing")) && m_scenarios->count() > 0)
        m_scenarios->setCurrentRow(0);
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
    auto* toolBar = addToolBar(QString());
    m_toolBar = toolBar;
    toolBar->setObjectName(QStringLiteral("runToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.2);
    large.setBold(true);
    toolBar->setFont(large);

    m_runAction = toolBar->addAction(QString(), this, &MainWindow::run);
    m_runAction->setObjectName(QStringLiteral("run"));
    m_runAction->setShortcut(Qt::Key_F5);

    m_stopAction = toolBar->addAction(QString(), &m_controller, &RunController::stop);
    m_stopAction->setObjectName(QStringLiteral("stop"));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));

    m_pauseAction = toolBar->addAction(QString());
    m_pauseAction->setObjectName(QStringLiteral("pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(Qt::Key_F6);
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::onPauseToggled);

    m_killAction = toolBar->addAction(QString(), this, &MainWindow::onKill);
    m_killAction->setObjectName(QStringLiteral("kill"));
    m_killAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    // Toolbar buttons take no keyboard focus by default; a keyboard-only user must reach them with Tab.
    for (auto* action : toolBar->actions()) {
        if (auto* button = toolBar->widgetForAction(action))
            button->setFocusPolicy(Qt::TabFocus);
    }
}

void MainWindow::createExports()
{
    // After the widgets, which it exports; its File menu still comes first in the menu bar.
    m_exports = new ExportActions({this, m_charts, &m_controller, [this] { return m_parameters->values(); },
                                      [this](const QString& message, int timeoutMs) {
                                          statusBar()->showMessage(message, timeoutMs);
                                      }},
        this);
    m_toolBar->addSeparator();
    m_exports->addToToolBar(m_toolBar);
    menuBar()->insertMenu(menuBar()->actions().value(0), m_exports->fileMenu());
    connect(m_exports, &ExportActions::errorChanged, this, &MainWindow::setError);
}

void MainWindow::createViewMenu()
{
    m_themes = new ThemeSwitcher(this);
    m_presentation = new PresentationMode({this, m_themes, m_scenarios, &m_controller, [this] { run(); }}, this);
    connect(m_presentation, &PresentationMode::activeChanged, this, &MainWindow::onPresentationChanged);
    m_viewMenu = new ViewMenu(m_presentation, m_themes, this);
    menuBar()->addMenu(m_viewMenu);
    connect(m_viewMenu->handoffsAction(), &QAction::toggled, m_charts->timeline(), &StateTimeline::setHandoffsShown);
}

void MainWindow::onPresentationChanged(bool on)
{
    // On a projector only what the class needs: the phase and the clock, not the menus, counts and export.
    menuBar()->setVisible(!on);
    m_workersLabel->setVisible(!on);
    m_coresLabel->setVisible(!on);
    m_exports->dashboardAction()->setVisible(!on);
    limitResultsHeight();
    if (on) {
        m_sizesBeforePresentation = m_shown ? m_splitter->sizes() : m_restoredSplitterSizes;
        if (m_shown)
            resetSplitter();
    } else if (!m_sizesBeforePresentation.isEmpty()) {
        m_splitter->setSizes(m_sizesBeforePresentation);
    } else if (m_shown) {
        resetSplitter();
    }
}

void MainWindow::createLanguageMenu()
{
    menuBar()->addMenu(new LanguageMenu(&m_translations, this));
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

// Every text the window sets itself; its child widgets each re-set their own on the same LanguageChange.
void MainWindow::retranslate()
{
    const auto* scenario = ScenarioRegistry::instance().find(m_scenarioId);
    // The application's name last, as desktops expect: Qt then leaves the title alone on X11 (it appends the
    // display name to a title that does not end with it).
    setWindowTitle(scenario ? tr("%1 — ProcViz").arg(scenario->title()) : tr("Processes you can see — ProcViz"));
    m_toolBar->setWindowTitle(tr("Run"));
    m_runAction->setText(tr("▶ &Run"));
    m_stopAction->setText(tr("■ &Stop"));
    m_stopAction->setToolTip(tr("End every worker now and reap them (Shift+F5)"));
    m_killAction->setText(tr("✗ &Kill worker"));
    m_exports->retranslate();
    m_scenariosHeading->setText(tr("Scenarios"));
    m_parametersHeading->setText(tr("Parameters"));
    m_runtimeLabel->setText(tr("Runs as"));
    m_runtime->setItemText(0, tr("C++ workers"));
    m_runtime->setItemText(1, tr("Python program (CPython)"));
    m_runtime->setToolTip(tr("C++ workers re-enact the lesson (the GIL is emulated); the Python program is the "
                             "lesson's own code, run by python3 with every process observed."));
    m_runtime->setAccessibleName(tr("Runtime"));
    m_coresLabel->setText(tr("Cores: %1").arg(QThread::idealThreadCount()));
    m_coresLabel->setToolTip(tr("How many workers this machine can truly run at the same time"));
    // A refused parameter's explanation comes from the engine: ask again, in the new language.
    onParametersChanged();
    updateActions();
    updateStatus();
}

void MainWindow::createCentralWidget()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 4, 4);
    m_scenariosHeading = heading(left);
    leftLayout->addWidget(m_scenariosHeading);
    m_scenarios = new ScenarioList(left);
    leftLayout->addWidget(m_scenarios, 1);
    m_parametersHeading = heading(left);
    leftLayout->addWidget(m_parametersHeading);
    // Above the parameters: which of them apply depends on it.
    auto* runtimeRow = new QHBoxLayout;
    m_runtimeLabel = new QLabel(left);
    m_runtime = new QComboBox(left);
    m_runtime->setObjectName(QStringLiteral("runtime"));
    m_runtime->addItem(QString(), RunOptions::runtimeId(RunOptions::Runtime::Cpp));
    m_runtime->addItem(QString(), RunOptions::runtimeId(RunOptions::Runtime::Python));
    m_runtimeLabel->setBuddy(m_runtime);
    runtimeRow->addWidget(m_runtimeLabel);
    runtimeRow->addWidget(m_runtime, 1);
    leftLayout->addLayout(runtimeRow);
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
    connect(m_runtime, &QComboBox::currentIndexChanged, this, &MainWindow::onRuntimeChanged);

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
    m_results = new ResultPanel;
    // A long verdict (timing's table and wrapped checks at presentation size) scrolls rather than
    // squeezing the charts; see onPresentationChanged().
    m_resultsArea = new FittingScrollArea(m_results, center);
    centerLayout->addWidget(m_resultsArea);
    connect(m_charts->timeline(), &StateTimeline::workerSelected, this, &MainWindow::updateActions);
    connect(m_charts, &ChartsPage::inputEntered, this, &MainWindow::onInput);

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
    if (!m_restoredSplitterSizes.isEmpty() && !m_presentation->isActive())
        m_splitter->setSizes(m_restoredSplitterSizes);
    else
        resetSplitter();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    limitResultsHeight();
}

void MainWindow::limitResultsHeight()
{
    // At presentation size the verdict could take half the height; the charts are what the class watches.
    m_resultsArea->setMaximumHeight(m_presentation->isActive() ? height() / 4 : QWIDGETSIZE_MAX);
}

void MainWindow::resetSplitter()
{
    // Scenarios narrow, charts wide, the lesson wide enough for its code to read without scrolling. On a
    // projector the charts are what the class watches: they take what the larger type leaves.
    const bool presenting = m_presentation->isActive();
    const int width = m_splitter->width();
    const int left = width * (presenting ? 15 : 16) / 100;
    const int lesson = width * (presenting ? 21 : width >= 1600 ? 27 : 23) / 100;
    m_splitter->setSizes({left, width - left - lesson, lesson});
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings(AppSettings* settings)
{
    m_settings = settings;
    // The geometry first: it is the one from before presentation mode, where leaving it returns to.
    restoreGeometry(settings->windowGeometry());
    restoreState(settings->windowState());
    m_restoredSplitterSizes = settings->splitterSizes();
    if (m_shown && !m_restoredSplitterSizes.isEmpty())
        m_splitter->setSizes(m_restoredSplitterSizes);
    m_presentation->setActive(settings->presentation());
    if (!settings->language().isEmpty())
        setLanguage(settings->language());
    m_themes->setTheme(settings->theme());
    m_viewMenu->handoffsAction()->setChecked(settings->showHandoffs());
    m_exports->setExportSize(settings->exportSize());
    if (m_scenarios->selectScenario(settings->lastScenario()))
        restoreParameters(settings->parameters(m_scenarioId));
}

void MainWindow::restoreParameters(const QVariantMap& stored)
{
    const auto* scenario = ScenarioRegistry::instance().find(m_scenarioId);
    // Each value the table accepts on its own, then the set through the engine's check, once (the form's
    // changed()): a restored form is never one the Run button would refuse.
    m_parameters->setValues(acceptedParameters(scenario->parameters(), stored));
    if (!m_parameterError.isEmpty()) // together refused (more permits than workers, say): the defaults
        m_parameters->setScenario(*scenario);
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        return;
    m_settings->setWindowGeometry(m_presentation->windowGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterSizes(m_presentation->isActive() ? m_sizesBeforePresentation : m_splitter->sizes());
    m_settings->setLastScenario(m_scenarioId);
    m_settings->setParameters(m_scenarioId, m_parameters->values());
    m_settings->setLanguage(language());
    m_settings->setTheme(m_themes->theme());
    m_settings->setPresentation(m_presentation->isActive());
    m_settings->setShowHandoffs(m_viewMenu->handoffsAction()->isChecked());
    m_settings->setExportSize(m_exports->exportSize());
    m_settings->sync();
}

void MainWindow::createStatusBar()
{
    m_phaseLabel = new QLabel(this);
    m_workersLabel = new QLabel(this);
    m_workersLabel->setObjectName(QStringLiteral("liveWorkers"));
    m_coresLabel = new QLabel(this);
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

bool MainWindow::setLanguage(const QString& language)
{
    // The lesson follows through languageChanged; the texts through QEvent::LanguageChange.
    return m_translations.setLanguage(language);
}

void MainWindow::onScenarioSelected(const QString& id)
{
    if (m_controller.isRunning())
        m_controller.stop();
    const auto* scenario = ScenarioRegistry::instance().find(id);
    if (!scenario)
        return;
    m_scenarioId = id;
    setWindowTitle(tr("%1 — ProcViz").arg(scenario->title()));
    m_charts->setScenario(id);
    m_lesson->setScenario(id);
    m_results->clear();
    m_parameters->setScenario(*scenario);
    onRuntimeChanged();
}

void MainWindow::setRuntime(RunOptions::Runtime runtime)
{
    m_runtime->setCurrentIndex(m_runtime->findData(RunOptions::runtimeId(runtime)));
}

RunOptions::Runtime MainWindow::runtime() const
{
    return RunOptions::runtimeFromId(m_runtime->currentData().toString()).value_or(RunOptions::Runtime::Cpp);
}

void MainWindow::onRuntimeChanged()
{
    const auto* scenario = ScenarioRegistry::instance().find(m_scenarioId);
    if (!scenario)
        return;
    const bool python = runtime() == RunOptions::Runtime::Python;
    m_parameters->showOnly(python ? scenario->programParameters() : QStringList());
    // Sizes fit for one runtime are not for the other (a Python loop is some 50 times slower).
    QVariantMap defaults = scenario->programDefaults();
    if (!python) {
        for (auto it = defaults.begin(); it != defaults.end(); ++it)
            *it = scenario->parameters().find(it.key())->defaultValue;
    }
    if (!defaults.isEmpty())
        m_parameters->setValues(defaults);
    onParametersChanged();
}

QVariantMap MainWindow::runParameters() const
{
    return runtime() == RunOptions::Runtime::Python ? m_parameters->shownValues() : m_parameters->values();
}

RunOptions MainWindow::runOptions() const
{
    RunOptions options;
    // The spawner sets the nice value before the worker runs: renicing after workerStarted would miss the
    // threads a cloned worker may already have started (nice is per thread on Linux).
    options.workerNice = WorkerNice;
    options.runtime = runtime();
    return options;
}

void MainWindow::onParametersChanged()
{
    // The engine's own check, so the window refuses exactly what the command line refuses.
    m_parameterError
        = m_scenarioId.isEmpty() ? QString() : RunController::check(m_scenarioId, runParameters(), nullptr, runOptions());
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
    m_controller.start(m_scenarioId, runParameters(), runOptions());
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

void MainWindow::onInput(const QString& line)
{
    // The scenario names the worker that reads lines on its standard input (the pipe's sender).
    const auto& model = m_controller.model();
    const auto* scenario = ScenarioRegistry::instance().find(model.scenarioId());
    const int worker = m_controller.isRunning() && scenario ? scenario->inputWorker(model) : -1;
    if (worker >= 0 && m_controller.sendInput(worker, line.toUtf8() + '\n')) {
        setError({});
        return;
    }
    setError(tr("No worker is running to take the line: start a run and type while it is still going."));
}

bool MainWindow::saveDashboard(const QString& path, QString* error)
{
    return m_exports->saveDashboard(path, size(), error);
}

void MainWindow::onStarted()
{
    m_elapsed.start();
    m_statusTimer.start();
    updateActions();
    updateStatus();
}

void MainWindow::onFinished(Outcome outcome)
{
    m_statusTimer.stop();
    m_charts->refresh();
    m_results->showResult(m_controller.model());
    if (outcome == Outcome::Failed)
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
    m_runtime->setEnabled(!running);
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
    const auto* scenario = ScenarioRegistry::instance().find(model.scenarioId());
    const QString phase = scenario ? scenario->phaseLabel(m_phase) : m_phase;
    if (m_phase.isEmpty())
        m_phaseLabel->setText(running ? tr("Starting…") : tr("Ready"));
    else if (running)
        m_phaseLabel->setText(
            m_controller.isPaused() ? tr("Phase: %1 (paused)").arg(phase) : tr("Phase: %1").arg(phase));
    else
        m_phaseLabel->setText(OutcomeText::brief(model.outcome().value_or(Outcome::Failed)));
    m_workersLabel->setText(tr("Live workers: %1").arg(model.liveWorkerCount()));
    const double seconds
        = running ? double(m_elapsed.elapsed()) / 1000.0 : (model.endNs() >= 0 ? double(model.endNs()) / 1e9 : 0.0);
    m_elapsedLabel->setText(tr("Elapsed: %1 s").arg(seconds, 0, 'f', 1));
}

} // namespace ProcViz
