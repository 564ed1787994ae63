// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"
#include "childprocesses.h"
#include "exportactions.h"
#include "exportheader.h"
#include "mainwindow.h"
#include "parameterform.h"
#include "progresschart.h"
#include "scenario/scenarioregistry.h"
#include "scenariolist.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QtEndian>
#include <qcustomplot.h>

#include <memory>

using namespace ProcViz;

class TestExports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void runExportsWaitForARun();
    void menuBarHoldsTheExports();
    void dashboardPng_data();
    void dashboardPng();
    void dashboardPdf();
    void headerDescribesTheRun();
    void everyChartOnItsOwn_data();
    void everyChartOnItsOwn();
    void chartContextMenu();
    void scenarioChartFollowsTheScenario();
    void clipboardHoldsTheDashboard();
    void runAsJsonCsvAndTrace();
    void unwritablePathReportsError();
    void fileDialogSuggestsADatedNameInTheLastFolder();
    void sizeMenuSetsTheExportSize();
    void languageChangeSetsTheTextsAgain();
    void picturesDuringARunRunExportsAfterIt();

private:
    /// Triggers the action named @p name, answering the file dialog with @p path; returns what was suggested.
    QString exportTo(const char* name, const QString& path);
    QAction* action(const char* name) const;
    QLabel* errorLabel() const;
    static QSize pngSize(const QByteArray& bytes);
    static QByteArray pdfString(const QString& text);
    static QList<QSize> imagesLargerThan(const QByteArray& pdf, int side);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QList<qint64> m_pids;
};

void TestExports::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->selectScenario(QStringLiteral("lifecycle")));
    QVERIFY(m_window->parameterForm()->setValue(QStringLiteral("workers"), QStringLiteral("2")));
    QVERIFY(m_window->parameterForm()->setValue(QStringLiteral("sleep-ms"), QStringLiteral("100")));
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    QSignalSpy finished(&m_window->controller(), &RunController::finished);
    m_window->run();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("completed"));
    for (const auto& worker : m_window->controller().model().workers())
        m_pids.append(worker.pid);
    QCOMPARE(m_pids.size(), 2);
}

void TestExports::cleanupTestCase()
{
    m_window.reset();
    QCOMPARE(childProcesses(), QList<qint64>());
}

void TestExports::cleanup()
{
    // The tests' file choosers refer to their own locals: none may outlive its test.
    m_window->exportActions()->setFileChooser([](const QString&, const QString&, const QString&) { return QString(); });
}

QAction* TestExports::action(const char* name) const
{
    return m_window->findChild<QAction*>(QLatin1String(name));
}

QLabel* TestExports::errorLabel() const
{
    return m_window->findChild<QLabel*>(QStringLiteral("error"));
}

QString TestExports::exportTo(const char* name, const QString& path)
{
    QString suggested;
    m_window->exportActions()->setFileChooser([&](const QString&, const QString& suggestion, const QString&) {
        suggested = suggestion;
        return path;
    });
    auto* exportAction = action(name);
    if (!exportAction || !exportAction->isEnabled())
        qFatal("no enabled action %s", name);
    exportAction->trigger();
    return suggested;
}

// Width and height from the PNG's own header (signature, then the IHDR chunk), not from a decoder's guess.
QSize TestExports::pngSize(const QByteArray& bytes)
{
    if (bytes.size() < 24 || !bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.mid(12, 4) != "IHDR")
        return {};
    return QSize(
        int(qFromBigEndian<quint32>(bytes.constData() + 16)), int(qFromBigEndian<quint32>(bytes.constData() + 20)));
}

QByteArray TestExports::pdfString(const QString& text)
{
    QByteArray bytes("(\xfe\xff");
    for (const QChar c : text)
        bytes.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    return bytes + ')';
}

// The size of every bitmap in a PDF wider or taller than @p side.
QList<QSize> TestExports::imagesLargerThan(const QByteArray& pdf, int side)
{
    QList<QSize> sizes;
    static const QRegularExpression image(QStringLiteral("/Subtype\\s*/Image[^>]*?/Width (\\d+)\\s*/Height (\\d+)"));
    auto matches = image.globalMatch(QString::fromLatin1(pdf));
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
        if (size.width() > side || size.height() > side)
            sizes.append(size);
    }
    return sizes;
}

static QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestExports::runExportsWaitForARun()
{
    MainWindow fresh;
    for (const char* name : {"exportJson", "exportCsv", "exportTrace"}) {
        auto* runAction = fresh.findChild<QAction*>(QLatin1String(name));
        QVERIFY2(runAction, name);
        QVERIFY2(!runAction->isEnabled(), name);
    }
    // The pictures need no run: the dashboard can be shown before one.
    QVERIFY(fresh.findChild<QAction*>(QStringLiteral("export"))->isEnabled());
    for (const char* name : {"exportJson", "exportCsv", "exportTrace"})
        QVERIFY2(action(name)->isEnabled(), name);
}

void TestExports::menuBarHoldsTheExports()
{
    auto* exports = m_window->exportActions();
    QVERIFY(m_window->menuBar()->actions().contains(exports->fileMenu()->menuAction()));
    QVERIFY(exports->fileMenu()->actions().contains(exports->exportMenu()->menuAction()));
    QCOMPARE(action("export")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(action("exportPdf")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QCOMPARE(action("copyDashboard")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    // The toolbar's Export button is the dashboard PNG, with the whole Export menu on its arrow.
    auto* toolBar = m_window->findChild<QToolBar*>(QStringLiteral("runToolBar"));
    auto* button = qobject_cast<QToolButton*>(toolBar->widgetForAction(action("export")));
    QVERIFY(button);
    QCOMPARE(button->menu(), exports->exportMenu());
    QVERIFY(action("export")->text().contains(QStringLiteral("1920 × 1080")));
}

void TestExports::dashboardPng_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addRow("1920x1080") << QSize(1920, 1080);
    QTest::addRow("custom 1000x700") << QSize(1000, 700);
    QTest::addRow("4K") << QSize(3840, 2160);
}

void TestExports::dashboardPng()
{
    QFETCH(QSize, size);
    m_window->exportActions()->setExportSize(size);
    const QString path = m_dir.filePath(QStringLiteral("dashboard-%1x%2.png").arg(size.width()).arg(size.height()));
    exportTo("export", path);
    QVERIFY(!errorLabel()->isVisible());
    QCOMPARE(pngSize(readAll(path)), size);
    QCOMPARE(QImageReader(path).size(), size);
    m_window->exportActions()->setExportSize(ExportActions::DefaultExportSize);
}

void TestExports::dashboardPdf()
{
    const QString path = m_dir.filePath(QStringLiteral("dashboard.pdf"));
    exportTo("exportPdf", path);
    QVERIFY(!errorLabel()->isVisible());
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY2(pdf.size() > 20000, QByteArray::number(pdf.size()).constData());
    // The header's title is the document's: in the info dictionary, UTF-16 with a byte order mark. (The page's
    // own text is compressed and in font subsets: tst_exports looks no further; the report renders it.)
    const QString title = ScenarioRegistry::instance().find(QStringLiteral("lifecycle"))->title();
    QVERIFY2(pdf.contains(pdfString(title)), qPrintable(title));
    // Charts and widgets are drawn as vectors. Pictures: the style's small arrows and frames, and the scenario
    // list, which the PDF engine would not clip (DashboardExporter) and goes in at three times its size.
    const QSize list = m_window->scenarioList()->viewport()->size();
    QCOMPARE(imagesLargerThan(pdf, 300), QList<QSize> {list * 3});

    // Where poppler's pdftotext is at hand (CI installs it), the header's lines are on the page, as text.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return;
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(30000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString& line :
        {title, QStringLiteral("workers = 2"), QStringLiteral("sleep-ms = 100"), QStringLiteral("✓ PASS")})
        QVERIFY2(text.contains(line), qPrintable(line));
}

void TestExports::headerDescribesTheRun()
{
    const ExportHeader header = m_window->exportActions()->header();
    QCOMPARE(header.title(), ScenarioRegistry::instance().find(QStringLiteral("lifecycle"))->title());
    QVERIFY2(header.parameters().contains(QStringLiteral("workers = 2")), qPrintable(header.parameters()));
    QVERIFY2(header.parameters().contains(QStringLiteral("sleep-ms = 100")), qPrintable(header.parameters()));
    // One verdict per check of the run.
    const int passes = int(header.checks().count(QStringLiteral("PASS")));
    QCOMPARE(passes, int(m_window->controller().model().checks().size()));
    QVERIFY(!header.checks().contains(QStringLiteral("FAIL")));

    // Before a run the form's values, and no verdicts.
    MainWindow fresh;
    fresh.selectScenario(QStringLiteral("lock"));
    fresh.parameterForm()->setValue(QStringLiteral("lock"), QStringLiteral("off"));
    const ExportHeader before = fresh.exportActions()->header();
    QVERIFY2(before.parameters().contains(QStringLiteral("lock = off")), qPrintable(before.parameters()));
    QVERIFY(!before.checks().contains(QStringLiteral("PASS")));
}

void TestExports::everyChartOnItsOwn_data()
{
    QTest::addColumn<QString>("menu");
    QTest::addRow("progress") << "progressMenu";
    QTest::addRow("timeline") << "timelineMenu";
    QTest::addRow("cpu") << "cpuMenu";
}

void TestExports::everyChartOnItsOwn()
{
    QFETCH(QString, menu);
    auto* chartMenu = m_window->findChild<QMenu*>(menu);
    QVERIFY(chartMenu);
    const auto actions = chartMenu->actions();
    QCOMPARE(actions.size(), 3);

    const QString png = m_dir.filePath(menu + QLatin1String(".png"));
    m_window->exportActions()->setFileChooser([&](const QString&, const QString&, const QString&) { return png; });
    actions.at(0)->trigger();
    const QSize size = pngSize(readAll(png));
    // At the dashboard export's scale: 1920 wide from a 1280-wide window.
    QVERIFY2(size.width() >= 300 && size.height() >= 150, qPrintable(png));

    const QString pdf = m_dir.filePath(menu + QLatin1String(".pdf"));
    m_window->exportActions()->setFileChooser([&](const QString&, const QString&, const QString&) { return pdf; });
    actions.at(1)->trigger();
    const QByteArray bytes = readAll(pdf);
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(imagesLargerThan(bytes, 0), QList<QSize>());

    QGuiApplication::clipboard()->clear();
    actions.at(2)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->image().size(), size);
}

void TestExports::chartContextMenu()
{
    auto* plot = m_window->charts()->progress()->plot();
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(20, 20), plot->mapToGlobal(QPoint(20, 20)));
    QApplication::sendEvent(plot, &event);
    QTRY_VERIFY(qobject_cast<QMenu*>(QApplication::activePopupWidget()));
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    QStringList texts;
    for (auto* entry : menu->actions())
        texts.append(entry->text());
    QCOMPARE(texts, (QStringList {"Save chart as PNG…", "Save chart as PDF…", "Copy chart"}));

    const QString path = m_dir.filePath(QStringLiteral("context.png"));
    QString suggested;
    m_window->exportActions()->setFileChooser([&](const QString&, const QString& suggestion, const QString&) {
        suggested = suggestion;
        return path;
    });
    menu->actions().at(0)->trigger();
    menu->close();
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(QStringLiteral("procviz-lifecycle-progress-")),
        qPrintable(suggested));
    QVERIFY(pngSize(readAll(path)).isValid());
}

void TestExports::scenarioChartFollowsTheScenario()
{
    // lifecycle has no chart of its own; lock has one, made when the scenario is chosen.
    auto* scenarioMenu = m_window->findChild<QMenu*>(QStringLiteral("chartMenu"));
    QVERIFY(scenarioMenu);
    Q_EMIT m_window->exportActions()->exportMenu()->aboutToShow();
    QVERIFY(!scenarioMenu->menuAction()->isEnabled());

    MainWindow lock;
    QVERIFY(lock.selectScenario(QStringLiteral("lock")));
    lock.resize(1280, 720);
    lock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lock));
    auto* exports = lock.exportActions();
    Q_EMIT exports->exportMenu()->aboutToShow();
    QVERIFY(lock.findChild<QMenu*>(QStringLiteral("chartMenu"))->menuAction()->isEnabled());
    QVERIFY(lock.findChild<QMenu*>(QStringLiteral("chartMenu"))->title().contains(QStringLiteral("Shared counter")));
    auto* plot = exports->plot(ExportActions::Chart::Scenario);
    QVERIFY(plot);
    QCOMPARE(plot->contextMenuPolicy(), Qt::CustomContextMenu);
    const QString path = m_dir.filePath(QStringLiteral("lock-chart.pdf"));
    exports->setFileChooser([&](const QString&, const QString&, const QString&) { return path; });
    lock.findChild<QMenu*>(QStringLiteral("chartMenu"))->actions().at(1)->trigger();
    QVERIFY(readAll(path).startsWith("%PDF-"));
}

void TestExports::clipboardHoldsTheDashboard()
{
    QGuiApplication::clipboard()->clear();
    m_window->exportActions()->setExportSize(QSize(1280, 720));
    action("copyDashboard")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(1280, 720));
    m_window->exportActions()->setExportSize(ExportActions::DefaultExportSize);
}

void TestExports::runAsJsonCsvAndTrace()
{
    const QString json = m_dir.filePath(QStringLiteral("run.json"));
    QVERIFY(exportTo("exportJson", json).endsWith(QStringLiteral(".json")));
    const auto document = QJsonDocument::fromJson(readAll(json)).object();
    QCOMPARE(document.value("scenario").toString(), QStringLiteral("lifecycle"));
    QList<qint64> pids;
    for (const auto& worker : document.value("workers").toArray())
        pids.append(worker.toObject().value("pid").toInteger());
    QCOMPARE(pids, m_pids);

    const QString csv = m_dir.filePath(QStringLiteral("run.csv"));
    exportTo("exportCsv", csv);
    const QList<QByteArray> lines = readAll(csv).split('\n');
    QVERIFY(lines.first().startsWith("time_s,worker,role,pid"));
    for (const qint64 pid : std::as_const(m_pids)) {
        const bool found = std::any_of(lines.cbegin(), lines.cend(),
            [&](const QByteArray& line) { return line.split(',').value(3) == QByteArray::number(pid); });
        QVERIFY2(found, qPrintable(QString::number(pid)));
    }

    const QString trace = m_dir.filePath(QStringLiteral("run.trace.json"));
    QVERIFY(exportTo("exportTrace", trace).endsWith(QStringLiteral(".trace.json")));
    QSet<qint64> tracePids;
    for (const auto& event : QJsonDocument::fromJson(readAll(trace)).object().value("traceEvents").toArray())
        tracePids.insert(event.toObject().value("pid").toInteger());
    for (const qint64 pid : std::as_const(m_pids))
        QVERIFY2(tracePids.contains(pid), qPrintable(QString::number(pid)));
}

void TestExports::unwritablePathReportsError()
{
    for (const char* name : {"export", "exportPdf", "exportJson"}) {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/out.file"));
        exportTo(name, path);
        QVERIFY2(errorLabel()->isVisible(), name);
        QVERIFY2(errorLabel()->text().contains(path), qPrintable(errorLabel()->text()));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()));
    }
    // The next export that works takes the message away.
    exportTo("exportCsv", m_dir.filePath(QStringLiteral("after.csv")));
    QVERIFY(!errorLabel()->isVisible());
}

void TestExports::fileDialogSuggestsADatedNameInTheLastFolder()
{
    QCOMPARE(ExportActions::suggestedName(QStringLiteral("lock"), QString(), QStringLiteral("png"),
                 QDateTime(QDate(2026, 11, 21), QTime(14, 5))),
        QStringLiteral("procviz-lock-2026-11-21-1405.png"));
    QCOMPARE(ExportActions::suggestedName(QStringLiteral("lock"), QStringLiteral("cpu"), QStringLiteral("pdf"),
                 QDateTime(QDate(2026, 11, 21), QTime(9, 30))),
        QStringLiteral("procviz-lock-cpu-2026-11-21-0930.pdf"));

    QDir(m_dir.path()).mkdir(QStringLiteral("notes"));
    const QString folder = m_dir.filePath(QStringLiteral("notes"));
    exportTo("exportPdf", folder + QLatin1String("/first")); // no suffix given: the format's is added
    QVERIFY(QFileInfo::exists(folder + QLatin1String("/first.pdf")));
    const QString suggested = exportTo("export", QString()); // cancelled
    QCOMPARE(QFileInfo(suggested).absolutePath(), folder);
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(QStringLiteral("procviz-lifecycle-20")), qPrintable(suggested));
    QVERIFY(suggested.endsWith(QStringLiteral(".png")));
}

void TestExports::sizeMenuSetsTheExportSize()
{
    auto* exports = m_window->exportActions();
    auto* sizes = m_window->findChild<QMenu*>(QStringLiteral("exportSizeMenu"));
    QVERIFY(sizes);
    QAction* fourK = nullptr;
    for (auto* entry : sizes->actions()) {
        if (entry->data().toSize() == QSize(3840, 2160))
            fourK = entry;
    }
    QVERIFY(fourK);
    fourK->trigger();
    QCOMPARE(exports->exportSize(), QSize(3840, 2160));
    QVERIFY(fourK->isChecked());
    QVERIFY(action("export")->text().contains(QStringLiteral("3840 × 2160")));

    exports->setExportSize(QSize(1600, 900)); // what a settings store would restore
    QVERIFY(!fourK->isChecked());
    QVERIFY(action("customExportSize")->isChecked());
    QVERIFY(action("customExportSize")->text().contains(QStringLiteral("1600 × 900")));
    exports->setExportSize(QSize(10, 10));
    QCOMPARE(exports->exportSize(), QSize(320, 240));
    exports->setExportSize(ExportActions::DefaultExportSize);
}

void TestExports::languageChangeSetsTheTextsAgain()
{
    const QString text = action("exportPdf")->text();
    action("exportPdf")->setText(QStringLiteral("stale"));
    m_window->exportActions()->fileMenu()->setTitle(QStringLiteral("stale"));
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(m_window.get(), &change);
    QCOMPARE(action("exportPdf")->text(), text);
    QCOMPARE(m_window->exportActions()->fileMenu()->title(), QStringLiteral("&File"));
}

void TestExports::picturesDuringARunRunExportsAfterIt()
{
    MainWindow window;
    QVERIFY(window.selectScenario(QStringLiteral("lifecycle")));
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("sleep-ms"), QStringLiteral("20000")));
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy started(&window.controller(), &RunController::started);
    QSignalSpy finished(&window.controller(), &RunController::finished);
    window.run();
    QVERIFY(started.count() == 1 || started.wait(10000));

    // A picture of the run as it goes; the run itself only once it has ended.
    QVERIFY(window.exportActions()->header().checks().startsWith(QStringLiteral("Running")));
    const QString path = m_dir.filePath(QStringLiteral("live.png"));
    QString error;
    QVERIFY2(window.exportActions()->saveDashboard(path, QSize(1280, 720), &error), qPrintable(error));
    QCOMPARE(pngSize(readAll(path)), QSize(1280, 720));
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("exportJson"))->isEnabled());

    window.controller().stop();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY(window.findChild<QAction*>(QStringLiteral("exportJson"))->isEnabled());
    QVERIFY(window.exportActions()->header().checks().startsWith(QStringLiteral("Stopped")));
}

QTEST_MAIN(TestExports)
#include "tst_exports.moc"
