<?php
$page = $_GET['page'];
$title = $_GET['title'];
if (!is_numeric($page)) exit;
echo "<title>" . htmlspecialchars($title) . " - page " . $page . "</title>";
