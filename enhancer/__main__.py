from enhancer.cli import app

app(prog_name="pix-enhancer")
