@echo off
rem Runs the Voxanne Ops Console from a clone on Windows: builds the jar when it is missing,
rem then starts it. With no arguments it opens the window; otherwise it runs a command.
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\target\voxconsole.jar"

if not exist "%JAR%" goto build
if not exist "%ROOT%\target\lib" goto build
rem Rebuild when any source is newer than the jar.
powershell -NoProfile -Command "$jar = (Get-Item '%JAR%').LastWriteTime; if (Get-ChildItem -Recurse -File '%ROOT%\src\main','%ROOT%\resources','%ROOT%\pom.xml' | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1) { exit 1 }"
if errorlevel 1 goto build
goto run

:build
where mvn >nul 2>nul
if errorlevel 1 (
  echo Building the console needs Maven 3.8 or newer and a JDK 17: install them, or use the installed console. 1>&2
  exit /b 1
)
echo Building the console (first run or changed sources)... 1>&2
pushd "%ROOT%"
call mvn -B -q -Dstyle.color=never -DskipTests package 1>&2
if errorlevel 1 ( popd & exit /b 1 )
popd

:run
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
"%JAVA%" -Xms64m -XX:+UseSerialGC -jar "%JAR%" %*
exit /b %ERRORLEVEL%
