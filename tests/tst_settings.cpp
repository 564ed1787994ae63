// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "chartspage.h"
#include "childprocesses.h"
#include "cpuchart.h"
#include "engine/procstat.h"
#include "lessonpanel.h"
#include "mainwindow.h"
#include "parameterform.h"
#include "presentationmode.h"
#include "resultpanel.h"
#include "scenario/scenarioregistry.h"
#include "scenariolist.h"
#include "themeswitcher.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <qcustomplot.h>

using namespace ProcViz;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void roundTrip();
    void corruptValuesFallBackToDefaults();
    void storedParametersMustPassTheScenarioCheck();
    void presentationScalesFontsAndBack();
    void spaceRunsPausesAndResumes();
    void spaceStillTypesInTextFields();
    void escapeStopsThenLeavesPresentation();
    void pageKeysStepThroughScenarios();
    void darkThemeRecoloursWindowAndCharts();

private:
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("procviz.ini")); }
    static void showActive(MainWindow& window);
    static void startLongRun(MainWindow& window);
    static QList<qint64> workerPids(MainWindow& window);

    QTemporaryDir m_dir;
    QString m_style;
};

void TestSettings::initTestCase()
{
    // Nothing here may reach the user's own settings, even by accident through a default QSettings.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_style = QApplication::style()->name();
}

void TestSettings::cleanup()
{
    QCOMPARE(childProcesses(), QList<qint64>());
    QFile::remove(settingsPath());
    // The theme is application-wide: the next test starts from the platform's again.
    QApplication::setStyle(m_style);
    QApplication::setPalette(QPalette());
}

void TestSettings::showActive(MainWindow& window)
{
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

// Two workers that would take minutes: the test pauses, resumes and stops them.
void TestSettings::startLongRun(MainWindow& window)
{
    QVERIFY(window.selectScenario(QStringLiteral("timing")));
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("mode"), QStringLiteral("processes")));
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("workers"), 2));
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("iterations"), Q_INT64_C(100000) * 1'000'000));
    window.scenarioList()->setFocus();
    QSignalSpy started(&window.controller(), &RunController::workerStarted);
    QTest::keyClick(window.scenarioList(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(window.controller().model().workers().cbegin(), window.controller().model().workers().cend(),
            [](const WorkerInfo& w) { return !w.lanes.isEmpty(); }),
        10000);
}

QList<qint64> TestSettings::workerPids(MainWindow& window)
{
    QList<qint64> pids;
    for (const auto& worker : window.controller().model().workers())
        pids.append(worker.pid);
    return pids;
}

void TestSettings::roundTrip()
{
    QList<int> splitterSizes;
    {
        AppSettings settings(settingsPath());
        MainWindow window;
        window.restoreSettings(&settings);
        window.resize(1100, 700);
        showActive(window);
        auto* splitter = window.findChild<QSplitter*>();
        QVERIFY(splitter);
        splitter->setSizes({220, 560, 320});
        splitterSizes = splitter->sizes();
        QVERIFY(window.selectScenario(QStringLiteral("semaphore")));
        QVERIFY(window.parameterForm()->setValue(QStringLiteral("workers"), 4));
        QVERIFY(window.parameterForm()->setValue(QStringLiteral("permits"), 3));
        window.setLanguage(QStringLiteral("ko"));
        window.themes()->setTheme(Theme::Dark);
        window.close(); // writes the settings
        settings.setExportSize(QSize(1280, 720));
    }
    {
        AppSettings settings(settingsPath());
        MainWindow window;
        window.restoreSettings(&settings);
        showActive(window);
        QCOMPARE(window.size(), QSize(1100, 700));
        QCOMPARE(window.findChild<QSplitter*>()->sizes(), splitterSizes);
        QCOMPARE(window.scenarioId(), QStringLiteral("semaphore"));
        QCOMPARE(window.parameterForm()->values().value(QStringLiteral("workers")).toLongLong(), 4);
        QCOMPARE(window.parameterForm()->values().value(QStringLiteral("permits")).toLongLong(), 3);
        QCOMPARE(window.language(), QStringLiteral("ko"));
        QCOMPARE(window.themes()->theme(), Theme::Dark);
        QCOMPARE(settings.exportSize(), QSize(1280, 720));
        QVERIFY(!window.presentation()->isActive());
        // Closed in presentation mode, opened in presentation mode.
        window.presentation()->setActive(true);
        window.close();
    }
    {
        AppSettings settings(settingsPath());
        MainWindow window;
        window.restoreSettings(&settings);
        showActive(window);
        QVERIFY(window.presentation()->isActive());
        QVERIFY(window.isFullScreen());
        window.presentation()->setActive(false);
        QTRY_VERIFY(!window.isFullScreen());
        QTRY_COMPARE(window.size(), QSize(1100, 700));
        // The splitter as it was before presentation mode changed it.
        QCOMPARE(window.findChild<QSplitter*>()->sizes(), splitterSizes);
    }
}

void TestSettings::corruptValuesFallBackToDefaults()
{
    {
        QSettings raw(settingsPath(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("window/geometry"), QStringLiteral("not a geometry"));
        raw.setValue(QStringLiteral("window/state"), 42);
        raw.setValue(QStringLiteral("window/splitter"), QStringList {"100", "-5", "x"});
        raw.setValue(QStringLiteral("scenario/last"), QStringLiteral("no-such-scenario"));
        raw.setValue(QStringLiteral("view/language"), QStringLiteral("fr"));
        raw.setValue(QStringLiteral("view/theme"), QStringLiteral("purple"));
        raw.setValue(QStringLiteral("view/presentation"), QStringLiteral("maybe"));
        raw.setValue(QStringLiteral("export/size"), QStringLiteral("enormous"));
    }
    AppSettings settings(settingsPath());
    QCOMPARE(settings.splitterSizes(), QList<int>());
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.theme(), Theme::System);
    QCOMPARE(settings.presentation(), false);
    QCOMPARE(settings.exportSize(), QSize(1920, 1080));
    settings.setExportSize(QSize(100000, 5));
    QCOMPARE(settings.exportSize(), QSize(1920, 1080));

    MainWindow window;
    const QString language = window.language();
    window.restoreSettings(&settings);
    showActive(window);
    QCOMPARE(window.scenarioId(), QStringLiteral("timing"));
    QCOMPARE(window.language(), language);
    QCOMPARE(window.themes()->theme(), Theme::System);
    QVERIFY(!window.presentation()->isActive());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("run"))->isEnabled());
}

void TestSettings::storedParametersMustPassTheScenarioCheck()
{
    {
        QSettings raw(settingsPath(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("scenario/last"), QStringLiteral("semaphore"));
        raw.setValue(QStringLiteral("parameters/semaphore/workers"), QStringLiteral("100000")); // out of range
        raw.setValue(QStringLiteral("parameters/semaphore/permits"), QStringLiteral("3"));
        raw.setValue(QStringLiteral("parameters/semaphore/hold-ms"), QStringLiteral("lots")); // not a number
        raw.setValue(QStringLiteral("parameters/semaphore/colour"), QStringLiteral("red")); // no such parameter
    }
    AppSettings settings(settingsPath());
    MainWindow window;
    window.restoreSettings(&settings);
    QCOMPARE(window.scenarioId(), QStringLiteral("semaphore"));
    const auto* scenario = ScenarioRegistry::instance().find(QStringLiteral("semaphore"));
    const QVariantMap defaults = scenario->parameters().defaults();
    const QVariantMap values = window.parameterForm()->values();
    QCOMPARE(values.value(QStringLiteral("workers")), defaults.value(QStringLiteral("workers")));
    QCOMPARE(values.value(QStringLiteral("hold-ms")), defaults.value(QStringLiteral("hold-ms")));
    QCOMPARE(values.value(QStringLiteral("permits")).toLongLong(), 3);
    QVERIFY(window.findChild<QAction*>(QStringLiteral("run"))->isEnabled());
}

void TestSettings::presentationScalesFontsAndBack()
{
    MainWindow window;
    showActive(window);
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("runToolBar"));
    auto* modes = window.checks()->findChild<QLabel*>(QStringLiteral("resultModes"));
    QVERIFY(toolBar && modes);
    // The window's own font, fonts that widgets set for themselves, and fonts that follow their parent's.
    const QList<QWidget*> widgets {
        &window, toolBar, window.lesson(), modes, window.charts()->cpu(), window.parameterForm()};
    QList<qreal> before;
    for (auto* widget : widgets)
        before.append(widget->font().pointSizeF());
    auto* list = window.scenarioList();
    QVERIFY(!list->isCompact());

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.presentation()->isActive());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("presentation"))->isChecked());
    for (int i = 0; i < widgets.size(); ++i) {
        const qreal ratio = widgets[i]->font().pointSizeF() / before[i];
        // 150 % to 200 %, give or take the rounding of point sizes.
        QVERIFY2(ratio >= 1.49 && ratio <= 2.0,
            qPrintable(QStringLiteral("%1: %2×").arg(widgets[i]->metaObject()->className()).arg(ratio)));
    }
    QTRY_VERIFY(window.isFullScreen());
    QVERIFY(!window.menuBar()->isVisible());
    // Titles only in the scenario list: an item is one line of the large title (or the icon) high, not a
    // title with its summary wrapped below.
    QVERIFY(list->isCompact());
    const QFont title = list->font();
    QVERIFY2(list->visualItemRect(list->item(0)).height() < 3 * QFontMetrics(title).height(),
        qPrintable(QString::number(list->visualItemRect(list->item(0)).height())));
    // High contrast: the window is white (the platform palette here is light) and its text black.
    QTRY_COMPARE(window.palette().color(QPalette::Window), QColor(Qt::white));
    QCOMPARE(window.palette().color(QPalette::WindowText), QColor(Qt::black));

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.presentation()->isActive());
    for (int i = 0; i < widgets.size(); ++i)
        QVERIFY2(qFuzzyCompare(widgets[i]->font().pointSizeF(), before[i]), widgets[i]->metaObject()->className());
    QTRY_VERIFY(!window.isFullScreen());
    QVERIFY(window.menuBar()->isVisible());
    QVERIFY(!list->isCompact());
}

void TestSettings::spaceRunsPausesAndResumes()
{
    MainWindow window;
    showActive(window);
    startLongRun(window);
    const QList<qint64> pids = workerPids(window);

    QTest::keyClick(window.scenarioList(), Qt::Key_Space);
    QVERIFY(window.controller().isPaused());
    for (qint64 pid : pids)
        QTRY_COMPARE_WITH_TIMEOUT(ProcStat::read(pid).value_or(ProcStat {}).state, 'T', 5000);

    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(!window.controller().isPaused());
    for (qint64 pid : pids)
        QTRY_VERIFY_WITH_TIMEOUT(ProcStat::read(pid).value_or(ProcStat {}).state != 'T', 5000);

    QSignalSpy finished(&window.controller(), &RunController::finished);
    window.controller().stop();
    QVERIFY(finished.wait(10000));
}

void TestSettings::spaceStillTypesInTextFields()
{
    MainWindow window;
    showActive(window);
    // The pipe scenario's chat box.
    QVERIFY(window.selectScenario(QStringLiteral("pipe")));
    auto* chat = window.charts()->findChild<QLineEdit*>();
    QVERIFY(chat);
    chat->setFocus();
    QTRY_VERIFY(chat->hasFocus());
    QTest::keyClicks(chat, QStringLiteral("hello pipe"));
    QCOMPARE(chat->text(), QStringLiteral("hello pipe"));
    QVERIFY(!window.controller().isRunning());

    // A parameter's spin box: Space is the box's to refuse, not a Run.
    QVERIFY(window.selectScenario(QStringLiteral("semaphore")));
    auto* workers = window.parameterForm()->findChild<QSpinBox*>(QStringLiteral("workers"));
    QVERIFY(workers);
    workers->setFocus();
    QTRY_VERIFY(workers->hasFocus());
    QTest::keyClick(workers, Qt::Key_Space);
    QVERIFY(!window.controller().isRunning());

    // A choice: Space opens its list, as it would without the shortcut.
    QVERIFY(window.selectScenario(QStringLiteral("timing")));
    auto* mode = window.parameterForm()->findChild<QComboBox*>(QStringLiteral("mode"));
    QVERIFY(mode);
    mode->setFocus();
    QTRY_VERIFY(mode->hasFocus());
    QTest::keyClick(mode, Qt::Key_Space);
    QTRY_VERIFY(mode->view()->isVisible());
    QVERIFY(!window.controller().isRunning());
    mode->hidePopup();
}

void TestSettings::escapeStopsThenLeavesPresentation()
{
    MainWindow window;
    showActive(window);
    window.presentation()->setActive(true);
    startLongRun(window);
    const QList<qint64> pids = workerPids(window);

    QSignalSpy finished(&window.controller(), &RunController::finished);
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("stopped"));
    for (qint64 pid : pids)
        QVERIFY(!ProcStat::read(pid)); // reaped, not left as zombies
    QVERIFY(window.presentation()->isActive()); // the first Esc only stopped the run

    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.presentation()->isActive());
}

void TestSettings::pageKeysStepThroughScenarios()
{
    MainWindow window;
    showActive(window);
    auto* list = window.scenarioList();
    QVERIFY(list->count() >= 3);
    list->setCurrentRow(1);
    const QString first = list->item(0)->data(Qt::UserRole).toString();
    const QString second = list->item(1)->data(Qt::UserRole).toString();
    const QString third = list->item(2)->data(Qt::UserRole).toString();
    window.parameterForm()->setFocus();

    QTest::keyClick(&window, Qt::Key_PageDown);
    QCOMPARE(window.scenarioId(), third);
    QTest::keyClick(&window, Qt::Key_PageUp);
    QTest::keyClick(&window, Qt::Key_PageUp);
    QCOMPARE(window.scenarioId(), first);
    QTest::keyClick(&window, Qt::Key_PageUp); // stays at the first
    QCOMPARE(window.scenarioId(), first);
    QTest::keyClick(&window, Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(window.scenarioId(), second);
    QTest::keyClick(&window, Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(window.scenarioId(), first);

    // The lesson keeps Page Down to scroll.
    window.lesson()->setFocus();
    QTRY_VERIFY(window.lesson()->hasFocus());
    QTest::keyClick(window.lesson(), Qt::Key_PageDown);
    QCOMPARE(window.scenarioId(), first);
}

void TestSettings::darkThemeRecoloursWindowAndCharts()
{
    MainWindow window;
    showActive(window);
    auto* plot = window.charts()->cpu()->plot();
    const QColor systemWindow = window.palette().color(QPalette::Window);
    const QColor lightBackground = plot->axisRect()->backgroundBrush().color();
    const QColor lightAxis = plot->xAxis->basePen().color();
    QVERIFY(lightBackground.lightness() > 128);

    window.themes()->setTheme(Theme::Dark);
    // Qt hands the application palette to the widgets through posted events.
    QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 64);
    QVERIFY(window.palette().color(QPalette::WindowText).lightness() > 192);
    const QColor darkBackground = plot->axisRect()->backgroundBrush().color();
    QVERIFY(darkBackground.lightness() < 64);
    QVERIFY(plot->xAxis->basePen().color() != lightAxis);
    QVERIFY(plot->xAxis->tickLabelColor().lightness() > 192);
    QVERIFY(plot->xAxis->labelColor().lightness() > 192);
    // What is drawn, not only what is set: the middle of the empty chart is dark.
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = plot->toPixmap().toImage();
    QVERIFY(QColor(image.pixel(plot->axisRect()->center())).lightness() < 64);

    window.themes()->setTheme(Theme::Light);
    QTRY_VERIFY(plot->axisRect()->backgroundBrush().color().lightness() > 192);
    // System hands the colours back to the platform.
    window.themes()->setTheme(Theme::System);
    QTRY_COMPARE(window.palette().color(QPalette::Window), systemWindow);
    QTRY_COMPARE(plot->axisRect()->backgroundBrush().color(), lightBackground);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
