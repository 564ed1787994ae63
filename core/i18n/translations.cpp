// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

#include <algorithm>

namespace ProcViz {

namespace {
const QString SourceLanguage = QStringLiteral("en");
const QString LanguageOption = QStringLiteral("--lang");
} // namespace

Translations::Translations(QObject* parent)
    : QObject(parent)
{ }

Translations::~Translations()
{
    removeTranslators();
}

QStringList Translations::languages()
{
    return {SourceLanguage, QStringLiteral("ko")};
}

QString Translations::systemLanguage()
{
    // The first UI language the user asked for decides (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux).
    const QStringList wanted = QLocale::system().uiLanguages();
    const QLocale first(wanted.value(0, QStringLiteral("C")));
    return first.language() == QLocale::Korean ? QStringLiteral("ko") : SourceLanguage;
}

QString Translations::takeLanguageOption(QStringList* arguments, QString* error)
{
    QString value;
    bool found = false;
    for (qsizetype i = 1; i < arguments->size();) {
        const QString& argument = arguments->at(i);
        if (argument == LanguageOption) {
            found = true;
            value = arguments->value(i + 1);
            arguments->remove(i, std::min<qsizetype>(2, arguments->size() - i));
        } else if (argument.startsWith(LanguageOption + QLatin1Char('='))) {
            found = true;
            value = argument.mid(LanguageOption.size() + 1);
            arguments->remove(i);
        } else {
            ++i;
        }
    }
    if (found && !languages().contains(value)) {
        if (error) {
            *error = tr("Invalid value '%1' for --lang: allowed is one of: %2.")
                         .arg(value, languages().join(QLatin1String(", ")));
        }
        return {};
    }
    return value;
}

bool Translations::setLanguage(const QString& language)
{
    if (!languages().contains(language))
        return false;
    if (language == m_language)
        return true;
    removeTranslators();
    m_language = language;
    // Both are optional at run time: a missing catalogue leaves its texts in English (plurals as "second(s)"),
    // never empty.
    if (m_procviz.load(QLatin1String("procviz_") + language, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_procviz);
    if (m_qt.load(QLatin1String("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    Q_EMIT languageChanged(m_language);
    return true;
}

void Translations::removeTranslators()
{
    // Harmless for a translator that is not installed.
    QCoreApplication::removeTranslator(&m_procviz);
    QCoreApplication::removeTranslator(&m_qt);
}

} // namespace ProcViz
