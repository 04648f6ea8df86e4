import { MainMenu } from "@excalidraw/excalidraw";

/**
 * Excalidraw's menu, Mockboard's way: no "Open" (a file loaded over a shared board replaces everyone's work)
 * and no "Reset the canvas" for anybody, no social links; export, find, help and theme stay, plus Mockboard's
 * own way home.
 */
export function BoardMenu() {
  return (
    <MainMenu>
      <MainMenu.DefaultItems.SaveAsImage />
      <MainMenu.DefaultItems.Export />
      <MainMenu.DefaultItems.SearchMenu />
      <MainMenu.DefaultItems.Help />
      <MainMenu.DefaultItems.ToggleTheme />
      <MainMenu.DefaultItems.ChangeCanvasBackground />
      <MainMenu.Separator />
      <MainMenu.ItemLink href="/home" data-testid="menu-home">
        Mockboard home
      </MainMenu.ItemLink>
    </MainMenu>
  );
}
