using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Manifests.Teams;

/// <summary>Teams wants a 192×192 full-colour icon and a 32×32 white-on-transparent outline icon.</summary>
public sealed class TeamsIconTests
{
    private static PngImage Read(string name) => PngImage.Read(File.ReadAllBytes(Path.Combine(TeamsManifestFile.Directory, name)));

    [Fact]
    public void ColorIcon_IsA192By192Png()
    {
        var png = Read("color.png");

        Assert.Equal((192, 192), (png.Width, png.Height));
    }

    [Fact]
    public void ColorIcon_IsOpaqueAndInColour()
    {
        var pixels = Read("color.png").ReadRgbaPixels();

        Assert.All(pixels.Where((_, i) => i % 4 == 3), alpha => Assert.Equal(255, alpha));
        Assert.Contains(Enumerable.Range(0, pixels.Length / 4), p => pixels[p * 4] != pixels[(p * 4) + 2]);
    }

    [Fact]
    public void OutlineIcon_IsA32By32PngWithAlpha()
    {
        var png = Read("outline.png");

        Assert.Equal((32, 32), (png.Width, png.Height));
        Assert.Equal(6, png.ColorType);
    }

    [Fact]
    public void OutlineIcon_IsWhiteOnTransparent()
    {
        var pixels = Read("outline.png").ReadRgbaPixels();
        var visible = Enumerable.Range(0, pixels.Length / 4).Where(p => pixels[(p * 4) + 3] > 0).ToList();

        Assert.Equal(0, pixels[3]);
        Assert.InRange(visible.Count, 1, (32 * 32) - 1);
        Assert.All(visible, p => Assert.Equal((255, 255, 255), (pixels[p * 4], pixels[(p * 4) + 1], pixels[(p * 4) + 2])));
    }

    [Fact]
    public void Read_NotAPng_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Read(new byte[64]));
    }
}
