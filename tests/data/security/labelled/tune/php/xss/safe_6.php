<?php
$parts = [(int) $_GET['first'], (int) $_GET['last']];
vprintf('<span>%d of %d</span>', $parts);
