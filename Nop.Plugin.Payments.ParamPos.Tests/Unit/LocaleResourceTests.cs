using System.Text.RegularExpressions;
using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit;

/// <summary>
/// Every locale resource the code and the views use exists in English and Turkish, and the Turkish set is a translation.
/// (Install adds them by culture and uninstall removes every one: PluginInstallTests.)
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Admin)]
public partial class LocaleResourceTests
{
    private const string PREFIX = "Plugins.Payments.ParamPos.";

    private static IEnumerable<string> Sources(string pattern) =>
        Directory.EnumerateFiles(RepositoryPaths.Plugin, pattern, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}Localization{Path.DirectorySeparatorChar}"));

    /// <summary>Keys written in the code: full keys, keys after the prefix, and short keys handed to the localizer.</summary>
    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Sources("*.cs"))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in FullKey().Matches(text))
                keys.Add(match.Groups[1].Value);
            foreach (Match match in ShortKey().Matches(text))
                keys.Add(PREFIX + match.Groups[1].Value);
        }

        foreach (var file in Sources("*.cshtml"))
        {
            foreach (Match match in FullKey().Matches(File.ReadAllText(file)))
                keys.Add(match.Groups[1].Value);
        }

        keys.RemoveWhere(key => key.EndsWith('.'));

        return keys;
    }

    [Test]
    public void EveryKeyUsedInCodeAndViews_ExistsInBothLanguages()
    {
        var used = UsedKeys();

        used.Should().HaveCountGreaterThan(120, "the scan must find the keys it checks");
        used.Except(ParamPosLocaleResources.English.Keys).Should().BeEmpty("every English text exists");
        used.Except(ParamPosLocaleResources.Turkish.Keys).Should().BeEmpty("every Turkish text exists");
    }

    [Test]
    public void EveryEnumValue_HasItsText()
    {
        var enums = typeof(ParamPosSettings).Assembly.GetTypes().Where(type => type.IsEnum && type.Namespace == "Nop.Plugin.Payments.ParamPos.Domain");
        foreach (var type in enums)
        {
            foreach (var name in Enum.GetNames(type))
                ParamPosLocaleResources.English.Should().ContainKey($"Enums.Nop.Plugin.Payments.ParamPos.Domain.{type.Name}.{name}");
        }
    }

    [Test]
    public void BothLanguages_HaveTheSameKeys_AndNoEmptyText()
    {
        ParamPosLocaleResources.Turkish.Keys.Should().BeEquivalentTo(ParamPosLocaleResources.English.Keys);
        ParamPosLocaleResources.English.Values.Should().NotContain(value => string.IsNullOrWhiteSpace(value));
        ParamPosLocaleResources.Turkish.Values.Should().NotContain(value => string.IsNullOrWhiteSpace(value));
    }

    [Test]
    public void TurkishTexts_AreTranslations()
    {
        var same = ParamPosLocaleResources.English.Where(pair => ParamPosLocaleResources.Turkish[pair.Key] == pair.Value).Select(pair => pair.Key).ToList();

        // Only field names that are Param's own wire names read the same in both languages.
        same.Should().BeEquivalentTo(PREFIX + "Fields.ClientUsername", PREFIX + "Fields.ClientPassword");
        string.Concat(ParamPosLocaleResources.Turkish.Values).Should().ContainAll("ı", "İ", "ş", "ğ", "ü", "ö", "ç");
    }

    [Test]
    public void FormatTexts_KeepTheirPlaceholders()
    {
        foreach (var (key, english) in ParamPosLocaleResources.English)
        {
            var placeholders = Placeholder().Matches(english).Select(match => match.Value).Distinct().OrderBy(value => value);
            Placeholder().Matches(ParamPosLocaleResources.Turkish[key]).Select(match => match.Value).Distinct().OrderBy(value => value)
                .Should().Equal(placeholders, key);
        }
    }

    [GeneratedRegex("\"(Plugins\\.Payments\\.ParamPos\\.[A-Za-z0-9_.]+)\"")]
    private static partial Regex FullKey();

    [GeneratedRegex("\"((?:Validation|Errors|Warnings|Checkout|Result|Refund|Connection|Configure|PayAgain|CustomValues|NotSupported|Param|Fields)\\.[A-Za-z0-9_.]+)\"")]
    private static partial Regex ShortKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
