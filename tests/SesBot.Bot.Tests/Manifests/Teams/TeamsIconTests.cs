using System.Buffers.Binary;
using System.IO.Compression;
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
    public void ReadRgbaPixels_RowsWithEveryFilterType_DecodesTheOriginalPixels()
    {
        const int width = 7, height = 10;
        var pixels = new byte[width * height * 4];
        new Random(42).NextBytes(pixels);

        var decoded = PngImage.Read(EncodeWithAllFilters(width, height, pixels)).ReadRgbaPixels();

        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void Read_NotAPng_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Read(new byte[64]));
    }

    /// <summary>An RGBA PNG whose row y uses filter y % 5 (CRCs left zero: the reader does not check them).</summary>
    private static byte[] EncodeWithAllFilters(int width, int height, byte[] pixels)
    {
        var stride = width * 4;
        var raw = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            var filter = (byte)(y % 5);
            raw[y * (stride + 1)] = filter;
            for (var x = 0; x < stride; x++)
            {
                int value = pixels[(y * stride) + x];
                int a = x >= 4 ? pixels[(y * stride) + x - 4] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= 4 && y > 0 ? pixels[((y - 1) * stride) + x - 4] : 0;
                var p = a + b - c;
                int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                var predictor = filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
                    _ => 0,
                };
                raw[(y * (stride + 1)) + 1 + x] = (byte)(value - predictor);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(MemoryStream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(System.Text.Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]);
    }
}
