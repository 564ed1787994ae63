// SPDX-License-Identifier: GPL-3.0-or-later
// English and Korean: the catalogue compiled in, translated texts from the window and from core, switching at
// run time, the --lang option, and a catalogue that covers every source text.
#include "chartspage.h"
#include "cpuchart.h"
#include "engine/runcontroller.h"
#include "i18n/translations.h"
#include "lessonpanel.h"
#include "mainwindow.h"
#include "parameterform.h"
#include "progresschart.h"
#include "resultpanel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <qcustomplot.h>

#include "procvizprocess.h"

using namespace ProcViz;

namespace {
ProcVizOutcome runProcViz(const QStringList& arguments, const QProcessEnvironment& environment)
{
    return runProcVizBinary(arguments, environment, 60000);
}

QProcessEnvironment workerEnvironment()
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROCVIZ_WORKER"), QStringLiteral(PROCVIZ_WORKER_PATH));
    return environment;
}

const QStringList LifecycleRun = {QStringLiteral("run"), QStringLiteral("lifecycle"), QStringLiteral("--workers"),
    QStringLiteral("2"), QStringLiteral("--sleep-ms"), QStringLiteral("0"), QStringLiteral("--quiet")};

QString labelText(const MainWindow& window, const QString& text)
{
    for (const auto* label : window.findChildren<QLabel*>()) {
        if (label->text() == text)
            return text;
    }
    return {};
}
} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private slots:
    void catalogueIsCompiledIn();
    void catalogueCoversEverySourceText_data();
    void catalogueCoversEverySourceText();
    void englishPluralsAreWords();
    void windowTextsAreKorean();
    void checkMessagesAreKorean();
    void qtDialogsAreKorean();
    void switchingRetranslatesTheWindow();
    void languageMenuSwitches();
    void switchingDuringARun();
    void finishedChecksSayTheirLanguage();
    void commandLineSpeaksEnglishUnlessAsked();
    void commandLineRefusesAnUnknownLanguage();
    void languageOptionOpensTheWindow();
};

void TestTranslation::catalogueIsCompiledIn()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("procviz_ko"), QStringLiteral(":/i18n")));
    QCOMPARE(translator.language(), QStringLiteral("ko_KR"));
    QCOMPARE(translator.translate("ProcViz::MainWindow", "▶ &Run"), QStringLiteral("▶ 실행(&R)"));
}

// lupdate over today's sources into a copy of the catalogue: a text added without its Korean shows up as
// unfinished, one whose source is gone would have vanished from the copy.
void TestTranslation::catalogueCoversEverySourceText_data()
{
    QTest::addColumn<QString>("catalogue");
    QTest::addColumn<QStringList>("options");
    QTest::addRow("ko") << QStringLiteral("procviz_ko.ts") << QStringList();
    QTest::addRow("en plurals") << QStringLiteral("procviz_en.ts") << QStringList {QStringLiteral("-pluralonly")};
}

void TestTranslation::catalogueCoversEverySourceText()
{
    QFETCH(QString, catalogue);
    QFETCH(QStringList, options);
    const QString committedPath = QStringLiteral(PROCVIZ_TRANSLATIONS_DIR "/") + catalogue;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(catalogue);
    QVERIFY(QFile::copy(committedPath, copy));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(PROCVIZ_SOURCE_DIR));
    lupdate.start(QStringLiteral(PROCVIZ_LUPDATE),
        options
            + QStringList {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral("app"), QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);

    const auto countMessages = [](const QString& path, QStringList* untranslated) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString context;
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!type.isEmpty() || text.trimmed().isEmpty())
                    untranslated->append(context + QLatin1String(": ") + source);
            }
        }
        return xml.hasError() ? -1 : messages;
    };
    QStringList untranslated;
    const int committed = countMessages(committedPath, &untranslated);
    QVERIFY(committed > 0);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    const int current = countMessages(copy, &untranslated);
    QVERIFY2(untranslated.isEmpty(),
        qPrintable(QLatin1String("Not translated yet (cmake --build build --target update_translations, then "
                                 "Qt Linguist):\n")
            + untranslated.join(QLatin1Char('\n'))));
    // Fewer messages now means a text was removed from the sources and is still in the catalogue.
    QCOMPARE(current, committed);
}

// English is the source language; its catalogue only turns "second(s)" into "1 second" and "2 seconds".
void TestTranslation::englishPluralsAreWords()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    const auto idle = [](int n) {
        return QCoreApplication::translate(
            "ProcViz::RunController", "No worker made progress for %n second(s).", nullptr, n);
    };
    QCOMPARE(idle(1), QStringLiteral("No worker made progress for 1 second."));
    QCOMPARE(idle(3), QStringLiteral("No worker made progress for 3 seconds."));
    QCOMPARE(QCoreApplication::translate("ProcViz::MainWindow", "Ready"), QStringLiteral("Ready"));
}

void TestTranslation::windowTextsAreKorean()
{
    MainWindow window;
    QVERIFY(window.setLanguage(QStringLiteral("ko")));
    QCoreApplication::processEvents();
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("run"))->text(), QStringLiteral("▶ 실행(&R)"));
    QCOMPARE(labelText(window, QStringLiteral("시나리오")), QStringLiteral("시나리오"));
    QCOMPARE(window.chart()->plot()->xAxis->label(), QStringLiteral("시간 (초)"));
    QCOMPARE(window.lesson()->language(), QStringLiteral("ko"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("스레드와 프로세스")));
    QVERIFY(!window.setLanguage(QStringLiteral("fr")));
    QCOMPARE(window.language(), QStringLiteral("ko"));
}

void TestTranslation::checkMessagesAreKorean()
{
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("ko")));
    RunController controller;
    controller.setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    QSignalSpy finished(&controller, &RunController::finished);
    QVERIFY(controller.start(QStringLiteral("lifecycle"),
        {{QStringLiteral("workers"), 2}, {QStringLiteral("sleep-ms"), 0}, {QStringLiteral("exit-code"), 3}}));
    QVERIFY(finished.wait(30000));
    QStringList details;
    for (const auto& check : controller.model().checks())
        details.append(check.detail);
    QVERIFY2(details.contains(QStringLiteral("워커 2개 중 2개가 끝남 (종료 코드 3)")), qPrintable(details.join(u'\n')));
}

// Qt's own catalogue (Debian's qt6-translations-l10n) makes standard buttons and dialogs Korean too.
void TestTranslation::qtDialogsAreKorean()
{
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QLatin1String("/qtbase_ko.qm")))
        QSKIP("qtbase_ko.qm is not installed (Debian package qt6-translations-l10n)");
    Translations translations;
    QVERIFY(translations.setLanguage(QStringLiteral("ko")));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("취소"));
    QVERIFY(translations.setLanguage(QStringLiteral("en")));
    QDialogButtonBox english(QDialogButtonBox::Cancel);
    QCOMPARE(english.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
}

void TestTranslation::switchingRetranslatesTheWindow()
{
    MainWindow window;
    window.show();
    auto* run = window.findChild<QAction*>(QStringLiteral("run"));
    auto* axis = window.chart()->plot()->xAxis;
    auto* banner = window.charts()->findChild<QLabel*>(QStringLiteral("pausedBanner"));
    QVERIFY(run && banner);
    const struct
    {
        const char* language;
        const char* run;
        const char* heading;
        const char* axis;
        const char* banner;
    } steps[] = {
        {"ko", "▶ 실행(&R)", "매개변수", "시간 (초)", "‖ 일시 정지"},
        {"en", "▶ &Run", "Parameters", "time (s)", "‖ PAUSED"},
        {"ko", "▶ 실행(&R)", "매개변수", "시간 (초)", "‖ 일시 정지"},
    };
    for (const auto& step : steps) {
        QVERIFY(window.setLanguage(QLatin1String(step.language)));
        QCoreApplication::processEvents();
        QCOMPARE(run->text(), QString::fromUtf8(step.run));
        QCOMPARE(labelText(window, QString::fromUtf8(step.heading)), QString::fromUtf8(step.heading));
        QCOMPARE(axis->label(), QString::fromUtf8(step.axis));
        QVERIFY(banner->text().startsWith(QString::fromUtf8(step.banner)));
        QCOMPARE(window.lesson()->language(), QLatin1String(step.language));
    }
}

void TestTranslation::languageMenuSwitches()
{
    MainWindow window;
    window.setLanguage(QStringLiteral("en"));
    auto* korean = window.findChild<QAction*>(QStringLiteral("language_ko"));
    auto* english = window.findChild<QAction*>(QStringLiteral("language_en"));
    QVERIFY(korean && english);
    QVERIFY(english->isChecked());
    korean->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(window.language(), QStringLiteral("ko"));
    QVERIFY(korean->isChecked() && !english->isChecked());
    QCOMPARE(window.findChild<QMenu*>(QStringLiteral("languageMenu"))->title(), QStringLiteral("언어(&L)"));
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("run"))->text(), QStringLiteral("▶ 실행(&R)"));
}

// Names made from the run (a legend's "worker 0 · PID 1234") are rebuilt from the model, live runs included.
void TestTranslation::switchingDuringARun()
{
    MainWindow window;
    window.setLanguage(QStringLiteral("en"));
    window.show();
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    QVERIFY(window.selectScenario(QStringLiteral("lifecycle")));
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("workers"), 2));
    QVERIFY(window.parameterForm()->setValue(QStringLiteral("sleep-ms"), 1500));
    QSignalSpy finished(&window.controller(), &RunController::finished);
    window.run();
    auto* cpu = window.charts()->cpu()->plot();
    QTRY_COMPARE_WITH_TIMEOUT(cpu->graphCount(), 2, 10000);
    QVERIFY2(cpu->graph(0)->name().startsWith(QStringLiteral("worker 0 · PID")), qPrintable(cpu->graph(0)->name()));

    window.setLanguage(QStringLiteral("ko"));
    QCoreApplication::processEvents();
    QVERIFY(window.controller().isRunning());
    QCOMPARE(cpu->graphCount(), 2);
    QVERIFY2(cpu->graph(0)->name().startsWith(QStringLiteral("워커 0 · PID")), qPrintable(cpu->graph(0)->name()));
    QCOMPARE(cpu->yAxis->label(), QStringLiteral("CPU (코어당 %)"));
    QVERIFY(finished.wait(30000));
}

// A finished run's details were written by the scenario from shared state that is gone: after a switch the
// panel's own texts change, the details stay as they were, and the panel says so.
void TestTranslation::finishedChecksSayTheirLanguage()
{
    MainWindow window;
    window.setLanguage(QStringLiteral("en"));
    window.controller().setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    QVERIFY(window.selectScenario(QStringLiteral("lifecycle")));
    QSignalSpy finished(&window.controller(), &RunController::finished);
    window.run();
    QVERIFY(finished.wait(30000));
    QCoreApplication::processEvents();
    QVERIFY(window.checks()->plainText().contains(QStringLiteral("✓ PASS")));
    QVERIFY(window.checks()->plainText().contains(QStringLiteral("workers exited with code 0")));

    window.setLanguage(QStringLiteral("ko"));
    QCoreApplication::processEvents();
    const QString korean = window.checks()->plainText();
    QVERIFY2(korean.contains(QStringLiteral("✓ 통과")), qPrintable(korean));
    QVERIFY(korean.contains(QStringLiteral("workers exited with code 0")));
    QVERIFY(korean.contains(QStringLiteral("실행 당시의 언어")));

    window.setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QVERIFY(!window.checks()->plainText().contains(QStringLiteral("language of the run")));
}

void TestTranslation::commandLineSpeaksEnglishUnlessAsked()
{
    auto environment = workerEnvironment();
    // A Korean locale alone does not change what scripts read.
    environment.insert(QStringLiteral("LANG"), QStringLiteral("ko_KR.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("ko"));
    const auto english = runProcViz(LifecycleRun, environment);
    QVERIFY(english.finished);
    QCOMPARE(english.exitCode, 0);
    QVERIFY2(english.out.contains(QStringLiteral("2 of 2 workers exited with code 0")), qPrintable(english.out));

    for (const auto& option :
        {QStringList {QStringLiteral("--lang"), QStringLiteral("ko")}, QStringList {QStringLiteral("--lang=ko")}}) {
        const auto korean = runProcViz(LifecycleRun + option, environment);
        QVERIFY(korean.finished);
        QCOMPARE(korean.exitCode, 0);
        QVERIFY2(korean.out.contains(QStringLiteral("워커 2개 중 2개가 끝남 (종료 코드 0)")), qPrintable(korean.out));
    }
}

void TestTranslation::commandLineRefusesAnUnknownLanguage()
{
    const auto result
        = runProcViz(LifecycleRun + QStringList {QStringLiteral("--lang"), QStringLiteral("fr")}, workerEnvironment());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--lang")) && result.err.contains(QStringLiteral("en, ko")),
        qPrintable(result.err));
}

// `procviz --lang ko` is the window's: without a display it says so (exit 1), in Korean, instead of the
// command line's "No command given" (exit 2).
void TestTranslation::languageOptionOpensTheWindow()
{
    auto environment = workerEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QLatin1String(name));
    const auto result = runProcViz({QStringLiteral("--lang"), QStringLiteral("ko")}, environment);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("디스플레이가 없어")), qPrintable(result.err));
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
